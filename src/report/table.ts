import pc from 'picocolors';
import type { Finding, ScanReport, Severity } from '../model/index.js';
import type { RenderOptions, Reporter } from './types.js';

type Paint = (s: string) => string;

function painter(color: boolean): Record<Severity | 'dim' | 'bold' | 'ok' | 'warn', Paint> {
  const c = pc.createColors(color);
  return { critical: (s) => c.bold(c.red(s)), high: c.red, medium: c.yellow, low: c.cyan, info: c.dim, dim: c.dim, bold: c.bold, ok: c.green, warn: c.yellow };
}

function where(f: Finding): string {
  const parts: string[] = [];
  if (f.location.file) parts.push(f.location.line ? `${f.location.file}:${f.location.line}` : f.location.file);
  if (f.location.tool) parts.push(`tool ${f.location.tool}`);
  if (f.location.field) parts.push(f.location.field);
  return parts.join('  ');
}

/** Human report for terminals: findings grouped by server, most severe first, then errors and a verdict. */
export const tableReporter: Reporter = {
  format: 'table',
  render(report: ScanReport, opts: RenderOptions): string {
    const p = painter(opts.color);
    const lines: string[] = [];
    const groups = new Map<string, Finding[]>();
    for (const f of report.findings) {
      const key = f.location.client ? `${f.location.server} (${f.location.client})` : f.location.server || '(file)';
      const list = groups.get(key) ?? [];
      list.push(f);
      groups.set(key, list);
    }
    for (const [server, findings] of groups) {
      lines.push(p.bold(server));
      for (const f of findings) {
        lines.push(`  ${p[f.severity](f.severity.toUpperCase().padEnd(8))} ${f.title}  ${p.dim(`[${f.ruleId}] ${f.attack.join(', ')}`)}`);
        lines.push(`           ${f.message}`);
        const at = where(f);
        if (at) lines.push(`           ${p.dim(at)}`);
        if (f.evidence) lines.push(`           ${p.dim('evidence:')} ${f.evidence}`);
        if (f.decoded) lines.push(`           ${p.dim('hidden text:')} ${f.decoded}`);
        if (f.diff) for (const l of f.diff.split('\n')) lines.push(`           ${l.startsWith('+') ? p.ok(l) : l.startsWith('-') ? p.high(l) : l.startsWith('@@') ? p.low(l) : l}`);
        if (opts.verbose) lines.push(`           ${p.dim('fix:')} ${f.remediation}`);
      }
      lines.push('');
    }
    if (report.errors.length > 0) {
      lines.push(p.warn(p.bold(`Not checked (${report.errors.length}):`)));
      for (const e of report.errors) lines.push(`  ${p.warn('!')} ${e.message}`);
      lines.push('');
    }
    for (const n of report.notes) lines.push(p.dim(`note: ${n}`));
    const s = report.summary;
    const counts = (['critical', 'high', 'medium', 'low', 'info'] as const)
      .filter((k) => s.bySeverity[k] > 0)
      .map((k) => p[k](`${s.bySeverity[k]} ${k}`))
      .join(', ');
    const scope = `${s.servers} server${s.servers === 1 ? '' : 's'}`;
    if (!report.complete) lines.push(p.warn(p.bold(`INCOMPLETE: ${scope} scanned, ${s.findings} finding(s)${counts ? ` (${counts})` : ''}, ${s.errors} error(s); results do not cover what was not checked.`)));
    else if (s.findings === 0) lines.push(p.ok(`No findings in ${scope}.`));
    else lines.push(`${s.findings} finding(s) in ${scope}: ${counts}`);
    if (s.suppressed > 0) lines.push(p.dim(`${s.suppressed} finding(s) suppressed by baseline or ignores.`));
    return `${lines.join('\n')}\n`;
  },
};
