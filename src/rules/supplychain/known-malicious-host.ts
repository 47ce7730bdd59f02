import { defineRule } from '../define.js';
import { hostsIn } from '../../supplychain/ioc.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';

type Ids = 'urlHost' | 'argHost' | 'toolHost';

/** A host from an IoC feed in the server's URL, its arguments or environment, or its advertised tools. */
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
    },
  },
  check(s, ctx) {
    const reports: RuleReport<Ids>[] = [];
    const e = s.entry;
    if (e.url !== undefined) {
      for (const h of hostsIn(e.url, ctx.ioc)) reports.push({ messageId: 'urlHost', data: { host: h.host, id: h.id, summary: h.summary }, field: '/url', ...(e.fieldLines['url'] ? { line: e.fieldLines['url'] } : {}), evidence: e.url });
    }
    const fields: Array<[string, string]> = [...e.args.map((a, i): [string, string] => [`args.${i}`, a]), ...Object.entries(e.env).map(([k, v]): [string, string] => [`env.${k}`, v])];
    for (const [key, value] of fields) {
      for (const h of hostsIn(value, ctx.ioc)) {
        const line = e.fieldLines[key];
        reports.push({ messageId: 'argHost', data: { host: h.host, id: h.id, summary: h.summary, field: key }, field: `/${key.replace('.', '/')}`, ...(line ? { line } : {}), evidence: value });
      }
    }
    const snap = s.snapshot;
    if (snap) {
      for (const t of snap.tools) {
        const text = [t.description ?? '', JSON.stringify(t.inputSchema ?? {})].join('\n');
        for (const h of hostsIn(text, ctx.ioc)) reports.push({ messageId: 'toolHost', data: { host: h.host, id: h.id, summary: h.summary, tool: t.name }, tool: t.name, field: '/description', evidence: t.description ?? '' });
      }
      if (snap.instructions) {
        for (const h of hostsIn(snap.instructions, ctx.ioc)) reports.push({ messageId: 'toolHost', data: { host: h.host, id: h.id, summary: h.summary, tool: '(server instructions)' }, field: '/instructions', evidence: snap.instructions });
      }
    }
    return reports;
  },
});
