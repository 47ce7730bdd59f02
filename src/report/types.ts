import type { ScanReport } from '../model/index.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour; only ever true when writing to a TTY. */
  color: boolean;
  verbose: boolean;
}

/** A reporter turns a report into text. Pure: no I/O, no clock. */
export interface Reporter {
  format: Format;
  render(report: ScanReport, opts: RenderOptions): string;
}
