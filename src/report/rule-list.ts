/**
 * @module Renders the rule catalogue for `mcp-warden rules`: every rule's id, severity, category
 * and ATT&CK/ATLAS ids, as a terminal table, JSON or Markdown (for docs and PR descriptions).
 */
import pc from 'picocolors';
import { severityRank } from '../model/index.js';
import type { RuleMeta } from '../rules/types.js';
import { ruleDocsUrl } from './links.js';
import { mdText } from './markdown.js';

import type { RuleListFormat } from './rule-list-formats.js';

export { RULE_LIST_FORMATS, type RuleListFormat } from './rule-list-formats.js';

/** Rules sorted by id (the registry order users search in). */
function sorted(rules: readonly RuleMeta[]): RuleMeta[] {
  return [...rules].sort((a, b) => a.id.localeCompare(b.id));
}

export function renderRuleList(rules: readonly RuleMeta[], format: RuleListFormat, opts: { color: boolean }): string {
  const list = sorted(rules);
  if (format === 'json') {
    const out = list.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      category: r.category,
      attack: [...r.attack],
      description: r.description,
      remediation: r.remediation,
      docs: ruleDocsUrl(r.id),
    }));
    return `${JSON.stringify(out, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const rows = ['| Rule | Severity | Category | ATT&CK / ATLAS | Title |', '|---|---|---|---|---|'];
    for (const r of list) {
      rows.push(`| [${mdText(r.id)}](${ruleDocsUrl(r.id)}) | ${r.severity} | ${mdText(r.category)} | ${r.attack.join(', ') || '–'} | ${mdText(r.title)} |`);
    }
    return `${rows.join('\n')}\n`;
  }
  const c = pc.createColors(opts.color);
  const header = ['RULE', 'SEVERITY', 'CATEGORY', 'ATT&CK / ATLAS'];
  const cells = list.map((r) => [r.id, r.severity, r.category, r.attack.join(', ') || '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const lines = [c.bold(fmt(header)), ...cells.map(fmt)];
  const bySeverity = list.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.severity]: (acc[r.severity] ?? 0) + 1 }), {});
  const counts = Object.entries(bySeverity)
    .sort((a, b) => severityRank(b[0] as RuleMeta['severity']) - severityRank(a[0] as RuleMeta['severity']))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  lines.push('', `${list.length} rule(s)${counts ? `: ${counts}` : ''}. Docs: docs/rules/<id>.md`);
  return `${lines.join('\n')}\n`;
}
