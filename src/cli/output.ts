import { writeFileSync } from 'node:fs';
import { atLeast, type ScanReport, type Severity } from '../model/index.js';
import { render, type Format } from '../report/index.js';
import { useColor } from './color.js';
import { EXIT } from './exit-codes.js';

export { useColor };

export interface EmitOptions {
  format: Format;
  output?: string;
  verbose: boolean;
}

/** Renders the report to stdout or --output. */
export function emitReport(report: ScanReport, opts: EmitOptions): void {
  const color = opts.output === undefined && opts.format === 'table' && useColor(process.stdout);
  const text = render(report, opts.format, { color, verbose: opts.verbose, srcRoot: process.cwd() });
  if (opts.output !== undefined) writeFileSync(opts.output, text);
  else process.stdout.write(text);
}

/** Exit code for a report: findings over the threshold win over incompleteness (both need attention). */
export function exitCodeFor(report: ScanReport, failOn: Severity | 'none'): number {
  if (failOn !== 'none' && report.findings.some((f) => atLeast(f.severity, failOn))) return EXIT.findings;
  if (!report.complete) return EXIT.incomplete;
  return EXIT.ok;
}
