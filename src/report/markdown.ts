/**
 * @module Markdown reporter: a verdict, a summary table, findings by server and what was not checked,
 * sized for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
 *
 * Everything that came from a config or a server is untrusted: it is escaped (no HTML, no links, no
 * @-mentions) or put in code spans, so a hostile tool description cannot restyle the comment.
 */
import { SEVERITIES, atLeast, severityRank, type Finding, type ScanReport } from '../model/index.js';
import { ruleDocsUrl } from './links.js';
import { displayPath } from './paths.js';
import type { RenderOptions, Reporter } from './types.js';
import { visible } from './visible.js';

/** GitHub comments stop at 65,536 characters; past this many findings the rest is counted, not listed. */
export const MAX_MARKDOWN_FINDINGS = 200;

const ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' } as const;

/** Escapes text for Markdown prose and table cells. */
export function mdText(text: string): string {
  return visible(text, { newlines: false })
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/@/g, '@\u200b') // no @-mentions from untrusted text
    .replace(/:\/\//g, ':/\u200b/'); // no autolinks
}

/** Our own Markdown (rule metadata) inside a table cell: only line breaks and pipes need care. */
export function mdTrusted(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** An inline code span that cannot be closed early by backticks inside the text. */
export function mdCode(text: string): string {
  const t = visible(text, { newlines: false }).replace(/\|/g, '\\|');
  let fence = '`';
  while (t.includes(fence)) fence += '`';
  const pad = t.startsWith('`') || t.endsWith('`') || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Diffs share this many characters of a comment; the rest are in `--format json`. */
export const MAX_MARKDOWN_DIFF_CHARS = 30_000;

/**
 * Collapsed ```diff blocks for findings that carry one (pin drift). The fence is longer than any
 * backtick run in the diff, so untrusted text cannot close it. Returns the budget left.
 */
function diffBlocks(findings: readonly Finding[], out: string[], budget: number): number {
  for (const f of findings) {
    if (!f.diff) continue;
    const body = visible(f.diff);
    if (body.length > budget) {
      out.push(`_Diff of ${mdCode(f.ruleId)} not shown (comment size); see \`--format json\`._`, '');
      continue;
    }
    budget -= body.length;
    let fence = '```';
    while (body.includes(fence)) fence += '`';
    const what = f.location.tool ? ` ${mdCode(f.location.tool)}` : '';
    out.push(`<details><summary>diff: ${mdText(f.ruleId)}${what}</summary>`, '', `${fence}diff`, body, fence, '', '</details>', '');
  }
  return budget;
}

function verdict(report: ScanReport): string {
  const s = report.summary;
  const failOn = report.failOn;
  const over = failOn ? report.findings.filter((f) => atLeast(f.severity, failOn)).length : 0;
  if (!report.complete) {
    return `### ⚠️ INCOMPLETE: ${s.errors} part(s) of the scan could not be checked\n\nThe results below do not cover what was not checked; this is not a clean result.`;
  }
  if (over > 0) return `### ❌ ${over} finding(s) at or above ${failOn}`;
  if (s.findings > 0) return `### ✅ No findings at or above ${failOn ?? 'the threshold'} (${s.findings} below it)`;
  return `### ✅ No findings in ${s.servers} server(s)`;
}

function summaryTable(report: ScanReport): string[] {
  const s = report.summary;
  const rows = ['| | Count |', '|---|---:|'];
  for (const sev of SEVERITIES) rows.push(`| ${ICON[sev]} ${sev} | ${s.bySeverity[sev]} |`);
  rows.push(`| servers scanned | ${s.servers} |`);
  rows.push(`| not checked (errors) | ${s.errors} |`);
  if (s.suppressed > 0) rows.push(`| suppressed (baseline, ignores) | ${s.suppressed} |`);
  return rows;
}

function serverKey(f: Finding): string {
  return f.location.client ? `${f.location.server} (${f.location.client})` : f.location.server;
}

function findingRow(f: Finding, root: string | undefined): string {
  const where: string[] = [];
  if (f.location.file) where.push(mdCode(`${displayPath(f.location.file, root)}${f.location.line ? `:${f.location.line}` : ''}`));
  if (f.location.tool) where.push(`tool ${mdCode(f.location.tool)}`);
  if (f.location.field) where.push(mdCode(f.location.field));
  const detail: string[] = [mdText(f.message)];
  if (f.evidence) detail.push(`evidence: ${mdCode(f.evidence)}`);
  if (f.decoded) detail.push(`hidden text: ${mdCode(f.decoded)}`);
  // Remediation is our own rule metadata (trusted Markdown, e.g. `pkg@1.2.3` in code spans), not server text.
  detail.push(`fix: ${mdTrusted(f.remediation)}`);
  const attack = f.attack.length > 0 ? f.attack.join(', ') : '–';
  return `| ${ICON[f.severity]} ${f.severity} | [${mdText(f.ruleId)}](${ruleDocsUrl(f.ruleId)}) | ${detail.join('<br>')} | ${where.join('<br>') || '–'} | ${attack} |`;
}

export const markdownReporter: Reporter = {
  format: 'markdown',
  render(report: ScanReport, opts: RenderOptions): string {
    const root = opts.srcRoot;
    const out: string[] = ['## mcp-warden scan', '', verdict(report), '', ...summaryTable(report), ''];

    if (report.errors.length > 0) {
      out.push(`### Not checked (${report.errors.length})`, '');
      for (const e of report.errors) {
        const at = e.line ? `${displayPath(e.source, root)}:${e.line}` : displayPath(e.source, root);
        out.push(`- **${e.kind}** ${mdCode(at)}: ${mdText(e.message)}`);
      }
      out.push('');
    }

    if (report.findings.length > 0) {
      out.push('### Findings by server', '');
      const groups = new Map<string, Finding[]>();
      for (const f of report.findings) groups.set(serverKey(f), [...(groups.get(serverKey(f)) ?? []), f]);
      const ordered = [...groups.entries()].sort(
        (a, b) => severityRank(b[1][0]!.severity) - severityRank(a[1][0]!.severity) || a[0].localeCompare(b[0]),
      );
      let listed = 0;
      let diffBudget = MAX_MARKDOWN_DIFF_CHARS;
      for (const [server, findings] of ordered) {
        if (listed >= MAX_MARKDOWN_FINDINGS) break;
        out.push(`#### ${mdText(server || '(whole file)')}`, '');
        out.push('| Severity | Rule | Finding | Location | ATT&CK |', '|---|---|---|---|---|');
        const shown: Finding[] = [];
        for (const f of findings) {
          if (listed >= MAX_MARKDOWN_FINDINGS) break;
          out.push(findingRow(f, root));
          shown.push(f);
          listed++;
        }
        out.push('');
        diffBudget = diffBlocks(shown, out, diffBudget);
      }
      if (report.findings.length > listed) {
        out.push(`_${report.findings.length - listed} more finding(s) not listed here; use \`--format json\` or \`--format sarif\` for all of them._`, '');
      }
    }

    const s = report.suppression;
    if (s) {
      const notable = s.ignores.filter((i) => i.status !== 'applied');
      if (s.findings.length > 0 || notable.length > 0) {
        out.push('### Suppressed', '');
        if (s.findings.length > 0) {
          const byBaseline = s.findings.filter((f) => f.by === 'baseline').length;
          out.push(`${s.findings.length} finding(s) suppressed: ${byBaseline} by the baseline, ${s.findings.length - byBaseline} by ignores.`, '');
        }
        for (const i of notable) {
          const at = s.settingsFile ? mdCode(`${displayPath(s.settingsFile, root)}${i.line ? `:${i.line}` : ''}`) : '';
          if (i.status === 'expired') out.push(`- ⚠️ expired ignore of ${mdCode(i.rule)} (until ${i.until ?? '?'}) ${at}: no longer applied`);
          else out.push(`- ℹ️ unused ignore of ${mdCode(i.rule)} ${at}: matched no finding, remove it`);
        }
        out.push('');
      }
    }

    for (const n of report.notes) out.push(`> ${mdText(n)}`, '');
    out.push(`<sub>mcp-warden ${mdText(report.tool.version)} · ${report.summary.servers} server(s) · ${report.durationMs} ms</sub>`);
    return `${out.join('\n')}\n`;
  },
};
