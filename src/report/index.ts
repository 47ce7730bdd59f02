import type { ScanReport } from '../model/index.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { redactReport } from './redact.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';
import type { Format, RenderOptions, Reporter } from './types.js';

/** Reporters by format: adding a format is one file plus one line here. */
export const REPORTERS = {
  json: jsonReporter,
  markdown: markdownReporter,
  sarif: sarifReporter,
  table: tableReporter,
} satisfies Record<Format, Reporter>;

/**
 * Renders a report. Every format goes through `redactReport` here, so no reporter can print a
 * secret that a rule failed to redact.
 */
export function render(report: ScanReport, format: Format, opts: RenderOptions): string {
  return REPORTERS[format].render(redactReport(report), opts);
}

export { redactDeep, redactReport } from './redact.js';
export { sensitiveValues } from './sensitive-values.js';
export { FORMATS, type Format, type RenderOptions, type Reporter } from './types.js';
