import { defineRule } from '../define.js';
import type { ServerSnapshot } from '../../model/index.js';
import { hostsIn, type IocFeed } from '../../supplychain/ioc.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';

type Ids = 'urlHost' | 'argHost' | 'toolHost' | 'definitionHost';

/** Fields of a definition that reach the model, in report order; each is a JSON pointer into the definition. */
const DEFINITION_FIELDS = ['title', 'description', 'inputSchema', 'outputSchema', 'annotations', 'arguments', 'uri', 'uriTemplate', 'name'] as const;

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * IoC hosts anywhere in what the server advertised: every tool (title, description, input and
 * output schema, annotations), prompt, resource and resource template, and the server instructions.
 * One report per host per definition, at the first field that names it.
 */
function definitionHosts(snap: ServerSnapshot, ioc: IocFeed): RuleReport<Ids>[] {
  const reports: RuleReport<Ids>[] = [];
  const scan = (kind: 'tool' | 'prompt' | 'resource' | 'resource template', name: string, def: Record<string, unknown>) => {
    const seen = new Set<string>();
    for (const field of DEFINITION_FIELDS) {
      const text = textOf(def[field]);
      if (text === undefined) continue;
      for (const h of hostsIn(text, ioc)) {
        if (seen.has(h.id)) continue;
        seen.add(h.id);
        const data = { host: h.host, id: h.id, summary: h.summary, name, kind, tool: name };
        reports.push(kind === 'tool' ? { messageId: 'toolHost', data, tool: name, field: `/${field}`, evidence: text } : { messageId: 'definitionHost', data, field: `/${field}`, evidence: text });
      }
    }
  };
  for (const t of snap.tools) scan('tool', t.name, t);
  for (const p of snap.prompts) scan('prompt', p.name, p);
  for (const r of snap.resources) scan('resource', r.name ?? r.uri, r);
  for (const r of snap.resourceTemplates) scan('resource template', r.name ?? r.uriTemplate, r);
  if (snap.instructions !== undefined) {
    for (const h of hostsIn(snap.instructions, ioc)) reports.push({ messageId: 'definitionHost', data: { host: h.host, id: h.id, summary: h.summary, kind: 'server', name: 'instructions' }, field: '/instructions', evidence: snap.instructions });
  }
  return reports;
}

/** A host from an IoC feed in the server's URL, its arguments or environment, or anything it advertises (tools, prompts, resources, instructions). */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/known-malicious-host',
    title: 'Known-malicious host',
    description:
      'A host that public reports (or your own IoC feed) tie to an attack appears in how the server is reached or launched, or in what it tells the model. Data sent there, or instructions that point the model there, reach the attacker.',
    severity: 'critical',
    category: 'supply-chain',
    attack: ['T1195.002', 'T1041'],
    remediation: 'Remove the server or the reference to the host, and check logs for traffic to it. If the listing is wrong for you, keep a local IoC feed without it (--ioc) and say why in review.',
    messages: {
      urlHost: 'The server URL is on {{host}}, a known-malicious host ({{id}}): {{summary}}',
      argHost: 'The launch spec ({{field}}) names {{host}}, a known-malicious host ({{id}}): {{summary}}',
      toolHost: 'Tool "{{tool}}" tells the model about {{host}}, a known-malicious host ({{id}}): {{summary}}',
      definitionHost: 'The {{kind}} "{{name}}" tells the model about {{host}}, a known-malicious host ({{id}}): {{summary}}',
    },
  },
  check(s, ctx) {
    const reports: RuleReport<Ids>[] = [];
    const e = s.entry;
    if (e.url !== undefined) {
      for (const h of hostsIn(e.url, ctx.ioc)) reports.push({ messageId: 'urlHost', data: { host: h.host, id: h.id, summary: h.summary }, field: '/url', ...(e.fieldLines['url'] ? { line: e.fieldLines['url'] } : {}), evidence: e.url });
    }
    const fields: Array<[string, string]> = [
      ...(e.command !== undefined ? [['command', e.command] as [string, string]] : []),
      ...e.args.map((a, i): [string, string] => [`args.${i}`, a]),
      ...Object.entries(e.env).map(([k, v]): [string, string] => [`env.${k}`, v]),
      ...Object.entries(e.headers).map(([k, v]): [string, string] => [`headers.${k}`, v]),
    ];
    for (const [key, value] of fields) {
      for (const h of hostsIn(value, ctx.ioc)) {
        const line = e.fieldLines[key];
        reports.push({ messageId: 'argHost', data: { host: h.host, id: h.id, summary: h.summary, field: key }, field: `/${key.replace('.', '/')}`, ...(line ? { line } : {}), evidence: value });
      }
    }
    if (s.snapshot) reports.push(...definitionHosts(s.snapshot, ctx.ioc));
    return reports;
  },
});
