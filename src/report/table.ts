/**
 * @module Terminal reporter: findings grouped by server (the server with the worst finding first,
 * most severe first inside), each with its rule, ATT&CK ids, location, evidence and decoded hidden
 * text; then what was not checked, then one verdict line. Untrusted text is made visible (no escape
 * sequences reach the terminal); colour is decided by the caller (TTY and no NO_COLOR).
 */
import pc from 'picocolors';
import { SEVERITIES, bySeverityDesc, severityRank, type Finding, type ScanReport, type Severity } from '../model/index.js';
import { displayPath } from './paths.js';
import type { RenderOptions, Reporter } from './types.js';
import { visible } from './visible.js';

type Paint = (s: string) => string;
type Palette = Record<Severity | 'dim' | 'bold' | 'ok' | 'warn' | 'bad', Paint>;

function palette(color: boolean): Palette {
  const c = pc.createColors(color);
  return {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
    dim: c.dim,
    bold: c.bold,
    ok: c.green,
    warn: (s) => c.bold(c.yellow(s)),
    bad: (s) => c.bold(c.red(s)),
  };
}

const INDENT = ' '.repeat(11);

/** Untrusted text on one line: escapes shown, newlines as \n. */
const line = (s: string): string => visible(s, { newlines: false });

function where(f: Finding, root: string | undefined): string {
  const parts: string[] = [];
  if (f.location.file) parts.push(`${displayPath(f.location.file, root)}${f.location.line ? `:${f.location.line}` : ''}`);
  if (f.location.tool) parts.push(`tool ${line(f.location.tool)}`);
  if (f.location.field) parts.push(line(f.location.field));
  return parts.join('  ');
}

function groupKey(f: Finding): string {
  const server = f.location.server === '' ? '(whole file)' : line(f.location.server);
  return f.location.client ? `${server} (${f.location.client})` : server;
}

/** One line of a unified diff, coloured by its marker; untrusted content made visible. */
function diffLine(l: string, p: Palette): string {
  const shown = line(l);
  if (l.startsWith('+++') || l.startsWith('---')) return p.bold(shown);
  if (l.startsWith('+')) return p.ok(shown);
  if (l.startsWith('-')) return p.high(shown);
  return l.startsWith('@@') ? p.low(shown) : shown;
}

function findingLines(f: Finding, p: Palette, opts: RenderOptions): string[] {
  const out: string[] = [];
  const attack = f.attack.length > 0 ? ` ${f.attack.join(', ')}` : '';
  out.push(`  ${p[f.severity](f.severity.toUpperCase().padEnd(8))} ${line(f.title)}  ${p.dim(`[${f.ruleId}]${attack}`)}`);
  out.push(`${INDENT}${line(f.message)}`);
  const at = where(f, opts.srcRoot);
  if (at) out.push(`${INDENT}${p.dim('at:')} ${at}`);
  if (f.evidence) out.push(`${INDENT}${p.dim('evidence:')} ${line(f.evidence)}`);
  if (f.decoded) out.push(`${INDENT}${p.dim('hidden text:')} ${line(f.decoded)}`);
  if (f.diff) for (const l of f.diff.split('\n')) out.push(`${INDENT}${diffLine(l, p)}`);
  if (opts.verbose) {
    out.push(`${INDENT}${p.dim('fix:')} ${line(f.remediation)}`);
    out.push(`${INDENT}${p.dim(`fingerprint: ${f.fingerprint}`)}`);
  }
  return out;
}

function countsText(report: ScanReport, p: Palette): string {
  return SEVERITIES.filter((k) => report.summary.bySeverity[k] > 0)
    .map((k) => p[k](`${report.summary.bySeverity[k]} ${k}`))
    .join(', ');
}

function suppressionLines(report: ScanReport, p: Palette, opts: RenderOptions): string[] {
  const s = report.suppression;
  if (!s) return [];
  const out: string[] = [];
  const settings = s.settingsFile ? displayPath(s.settingsFile, opts.srcRoot) : 'settings';
  for (const i of s.ignores) {
    const at = `${settings}${i.line ? `:${i.line}` : ''}`;
    if (i.status === 'expired') out.push(p.warn(`warning: ignore of ${i.rule} at ${at} expired on ${i.until ?? '?'}; it no longer applies.`));
    if (i.status === 'unused') out.push(p.dim(`info: ignore of ${i.rule} at ${at} matched no finding; remove it.`));
  }
  if (opts.verbose && s.findings.length > 0) {
    out.push(p.dim(`Suppressed (${s.findings.length}):`));
    for (const f of s.findings) {
      const why = f.by === 'baseline' ? 'baseline' : `ignored: ${line(f.reason ?? '')}`;
      out.push(p.dim(`  ${f.severity.padEnd(8)} ${f.ruleId}  ${line(f.server)}${f.tool ? ` / ${line(f.tool)}` : ''}  (${why})`));
    }
  }
  return out;
}

export const tableReporter: Reporter = {
  format: 'table',
  render(report: ScanReport, opts: RenderOptions): string {
    const p = palette(opts.color);
    const out: string[] = [];

    const groups = new Map<string, Finding[]>();
    for (const f of report.findings) groups.set(groupKey(f), [...(groups.get(groupKey(f)) ?? []), f]);
    const ordered = [...groups.entries()]
      .map(([k, list]) => [k, [...list].sort(bySeverityDesc)] as const)
      .sort((a, b) => severityRank(b[1][0]!.severity) - severityRank(a[1][0]!.severity) || a[0].localeCompare(b[0]));
    for (const [server, findings] of ordered) {
      out.push(p.bold(server));
      for (const f of findings) out.push(...findingLines(f, p, opts));
      out.push('');
    }

    if (report.errors.length > 0) {
      out.push(p.warn(`Not checked (${report.errors.length}):`));
      for (const e of report.errors) {
        out.push(`  ${p.warn('!')} ${p.dim(`[${e.kind}]`)} ${line(e.message)}`);
      }
      out.push('');
    }

    const extra = suppressionLines(report, p, opts);
    if (extra.length > 0) out.push(...extra, '');
    for (const n of report.notes) out.push(p.dim(`note: ${line(n)}`));

    const s = report.summary;
    const scope = `${s.servers} server${s.servers === 1 ? '' : 's'}`;
    const counts = countsText(report, p);
    if (!report.complete) {
      out.push(
        p.warn(`INCOMPLETE: ${s.errors} error(s); ${scope} scanned, ${s.findings} finding(s)`) +
          (counts ? ` (${counts})` : '') +
          p.warn('. This is not a clean result: what is listed under "Not checked" was not scanned.'),
      );
    } else if (s.findings === 0) {
      out.push(p.ok(`No findings in ${scope}.`));
    } else {
      out.push(`${s.findings} finding(s) in ${scope}: ${counts}`);
    }
    if (s.suppressed > 0) out.push(p.dim(`${s.suppressed} finding(s) suppressed by baseline or ignores${opts.verbose ? '' : ' (--verbose lists them)'}.`));
    return `${out.join('\n')}\n`;
  },
};
