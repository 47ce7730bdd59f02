/**
 * @module cli/inspect-view
 * Renders what servers advertise for `mcp-warden inspect` (the findings follow, rendered by the
 * normal reporters). Text from servers is hostile: control characters are made visible, secrets
 * redacted and long descriptions clipped.
 */
import pc from 'picocolors';
import { redactSecrets } from '../analysis/secrets.js';
import type { ServerSnapshot } from '../model/index.js';
import { visible } from '../report/visible.js';

const MAX_DESCRIPTION = 160;

/** One line; control, bidi, zero-width and tag characters shown as escapes; secrets redacted; clipped. */
export function cleanText(text: string, max = MAX_DESCRIPTION): string {
  const oneLine = visible(redactSecrets(text)).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}… (${oneLine.length} chars)` : oneLine;
}

function params(schema: unknown): string {
  if (typeof schema !== 'object' || schema === null) return '';
  const props = (schema as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return '';
  const required = new Set(Array.isArray((schema as { required?: unknown }).required) ? ((schema as { required: unknown[] }).required.filter((r) => typeof r === 'string') as string[]) : []);
  return Object.keys(props)
    .slice(0, 20)
    .map((k) => (required.has(k) ? `${k}*` : k))
    .join(', ');
}

function hints(annotations: Record<string, unknown> | undefined): string {
  if (!annotations) return '';
  const on = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'].filter((k) => annotations[k] === true).map((k) => k.replace(/Hint$/, ''));
  return on.length > 0 ? ` [${on.join(', ')}]` : '';
}

/** Text view of one snapshot. */
export function renderSnapshot(s: ServerSnapshot, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const info = s.serverInfo ? `${cleanText(s.serverInfo.name, 80)}${s.serverInfo.version ? ` ${cleanText(s.serverInfo.version, 40)}` : ''}` : 'no serverInfo';
  lines.push(c.bold(`${s.name}`) + c.dim(`  (${info}; protocol ${s.protocolVersion ?? 'unknown'})`));
  if (s.launch) lines.push(c.dim(`  launch: ${cleanText(s.launch, 200)}`));
  if (s.capabilities) lines.push(c.dim(`  capabilities: ${Object.keys(s.capabilities).sort().join(', ') || '(none)'}`));
  if (s.instructions) lines.push(`  instructions: ${cleanText(s.instructions, 400)}`);
  lines.push(c.bold(`  tools (${s.tools.length})`));
  for (const t of s.tools) {
    lines.push(`    ${c.cyan(cleanText(t.name, 80))}${c.dim(hints(t.annotations))}${t.description ? `  ${cleanText(t.description)}` : ''}`);
    const p = params(t.inputSchema);
    if (p) lines.push(c.dim(`      params: ${p}`));
  }
  if (s.prompts.length > 0) {
    lines.push(c.bold(`  prompts (${s.prompts.length})`));
    for (const p of s.prompts) lines.push(`    ${c.cyan(cleanText(p.name, 80))}${p.description ? `  ${cleanText(p.description)}` : ''}`);
  }
  if (s.resources.length > 0) {
    lines.push(c.bold(`  resources (${s.resources.length})`));
    for (const r of s.resources) lines.push(`    ${c.cyan(cleanText(r.uri, 120))}${r.name ? `  ${cleanText(r.name, 80)}` : ''}`);
  }
  if (s.resourceTemplates.length > 0) {
    lines.push(c.bold(`  resource templates (${s.resourceTemplates.length})`));
    for (const r of s.resourceTemplates) lines.push(`    ${c.cyan(cleanText(r.uriTemplate, 120))}${r.name ? `  ${cleanText(r.name, 80)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
