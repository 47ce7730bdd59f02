/**
 * @fileoverview The same tool name, or names that look the same, offered by two servers of one
 * client: the model (and the user approving a call) cannot tell which server will run it.
 */
import { skeleton } from '../../analysis/unicode.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { FlowContext, FlowSubject } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<FlowSubject, FlowContext, 'duplicate' | 'confusable'>({
  kind: 'flow',
  meta: {
    id: 'flow/tool-name-collision',
    title: 'Two servers offer the same or a look-alike tool name',
    description:
      'When two connected servers both offer `send_email`, or one offers `send_emaіl` with a Cyrillic "і", the model may call the attacker\'s tool while the user believes the trusted one runs. Clients that do not namespace tool names make this worse.',
    severity: 'low',
    category: 'tool-shadowing',
    attack: [Atlas.PromptInjection, Attack.Masquerading],
    remediation: 'Disconnect one of the servers, or use a client or gateway that namespaces tool names per server (`server__tool`). A look-alike name is an impersonation attempt: remove that server.',
    messages: {
      duplicate: 'Tool "{{tool}}" is offered by {{count}} servers: {{servers}}.',
      confusable: 'Tool "{{tool}}" of server "{{server}}" looks like "{{other}}" of server "{{otherServer}}" but is a different name.',
    },
  },
  check(subject) {
    const tools = subject.definitions.filter((d) => d.kind === 'tool' && d.name.length > 0);
    const reports: RuleReport<'duplicate' | 'confusable'>[] = [];
    const byName = new Map<string, Set<string>>();
    const bySkeleton = new Map<string, Array<{ name: string; server: string }>>();
    // One entry per (name, server), found in a set: many servers offering one name stays linear.
    const listed = new Set<string>();
    for (const t of tools) {
      const servers = byName.get(t.name) ?? new Set<string>();
      servers.add(t.server);
      byName.set(t.name, servers);
      const key = `${t.name}\u0000${t.server}`;
      if (listed.has(key)) continue;
      listed.add(key);
      const sk = skeleton(t.name);
      const list = bySkeleton.get(sk) ?? [];
      list.push({ name: t.name, server: t.server });
      bySkeleton.set(sk, list);
    }
    for (const [name, servers] of byName) {
      if (servers.size < 2) continue;
      const list = [...servers];
      reports.push({ messageId: 'duplicate', data: { tool: name, count: list.length, servers: list.map((s) => `"${s}"`).join(', ') }, server: list[1] ?? '', tool: name, field: '/name', evidence: name });
    }
    for (const group of bySkeleton.values()) {
      const names = new Set(group.map((g) => g.name));
      if (names.size < 2) continue;
      // The plain-ASCII name is the original; every other spelling is the look-alike.
      const original = group.find((g) => /^[\x20-\x7e]+$/.test(g.name)) ?? group[0];
      if (original === undefined) continue;
      for (const g of group) {
        if (g.name === original.name || g.server === original.server) continue;
        const caseOnly = g.name.toLowerCase() === original.name.toLowerCase();
        reports.push({
          messageId: 'confusable',
          data: { tool: g.name, server: g.server, other: original.name, otherServer: original.server },
          severity: caseOnly ? 'medium' : 'high',
          server: g.server,
          tool: g.name,
          field: '/name',
          evidence: g.name,
        });
      }
    }
    return reports;
  },
});
