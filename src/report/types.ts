import type { ScanReport } from '../model/index.js';
import type { RuleMeta } from '../rules/types.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour; only ever true when writing to a TTY. */
  color: boolean;
  verbose: boolean;
  /**
   * Directory that file paths are shown relative to (SARIF `%SRCROOT%`, Markdown), normally the
   * working directory, i.e. the repository root in CI. Absent: absolute paths.
   */
  srcRoot?: string;
  /** Rule metadata for SARIF `tool.driver.rules`; defaults to the whole registry. */
  rules?: readonly RuleMeta[];
}

/** A reporter turns a report into text. Pure: no I/O, no clock. */
export interface Reporter {
  format: Format;
  render(report: ScanReport, opts: RenderOptions): string;
}
