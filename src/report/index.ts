import type { ScanReport } from '../model/index.js';
import { jsonReporter } from './json.js';
import { tableReporter } from './table.js';
import type { Format, RenderOptions, Reporter } from './types.js';

/** Reporters by format. */
export const REPORTERS: Partial<Record<Format, Reporter>> = {
  json: jsonReporter,
  table: tableReporter,
};

export function render(report: ScanReport, format: Format, opts: RenderOptions): string {
  const reporter = REPORTERS[format];
  if (!reporter) throw new Error(`no reporter for format "${format}"`);
  return reporter.render(report, opts);
}

export { FORMATS, type Format, type RenderOptions } from './types.js';
