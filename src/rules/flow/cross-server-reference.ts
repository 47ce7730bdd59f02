/**
 * @fileoverview A description in one server that names another server or one of its tools: the
 * precondition of cross-server shadowing ("when the GitHub server's create_pull_request is used…").
 */
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { atLeast, type Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { FlowContext, FlowSubject } from './types.js';
import { Atlas, Attack } from '../attack.js';

/** Names too generic to count as a reference ("search", "fetch", "list"). */
function distinctive(name: string): boolean {
  return name.length >= 5 && (/[_.-]/.test(name) || /[a-z][A-Z]/.test(name)) && !/^(?:e\.g|i\.e|read_only|utf-8)$/i.test(name);
}

/** Servers remembered per name (a name offered by more servers than this is reported for the first ones). */
const MAX_TARGETS_PER_NAME = 16;

const TOKEN = /[a-z0-9][a-z0-9_.-]{0,127}/g;

interface Target {
  server: string;
  label: string;
}

export default defineRule<FlowSubject, FlowContext, 'reference'>({
  kind: 'flow',
  meta: {
    id: 'flow/cross-server-reference',
    title: 'A server\'s description refers to another server\'s tools',
    description:
      'Tool descriptions of all connected servers share one context. When server A\'s text names server B or B\'s tools, A can steer how the model uses B (tool shadowing) even if A\'s own tools are never called. Honest servers describe their own tools.',
    severity: 'low',
    category: 'tool-shadowing',
    attack: [Atlas.PromptInjection, Atlas.AgentToolInvocation, Attack.AdversaryInTheMiddle],
    remediation: 'Read what the referring text asks the model to do with the other server\'s tools. Disconnect the referring server if it changes their behaviour.',
    messages: {
      reference: '{{where}} of server "{{from}}" names {{what}} of server "{{to}}".',
    },
  },
  check(subject) {
    if (subject.servers.length < 2) return [];
    const targets = new Map<string, Target[]>();
    const add = (key: string, t: Target): void => {
      const k = key.toLowerCase();
      const list = targets.get(k) ?? [];
      // A name that many servers share is named by many texts: keep the work per mention bounded.
      if (list.length < MAX_TARGETS_PER_NAME) list.push(t);
      targets.set(k, list);
    };
    for (const d of subject.definitions) if (d.kind === 'tool' && distinctive(d.name)) add(d.name, { server: d.server, label: `tool "${d.name}"` });
    for (const s of subject.servers) if (s.length >= 4 && distinctive(s)) add(s, { server: s, label: 'the server' });
    if (targets.size === 0) return [];
    const flagged = new Map<string, Severity>();
    for (const f of subject.toolFindings) {
      if (f.ruleId !== 'tool/tool-shadowing' && f.ruleId !== 'tool/hidden-instructions') continue;
      const key = `${f.location.server}\u0000${f.location.tool ?? ''}`;
      const prev = flagged.get(key);
      if (prev === undefined || atLeast(f.severity, prev)) flagged.set(key, f.severity);
    }
    const reports: RuleReport<'reference'>[] = [];
    const seen = new Set<string>();
    const visit = (d: AnalyzedDefinition): void => {
      for (const field of d.fields) {
        if (field.role === 'name' || field.role === 'property-name') continue;
        const lower = field.analysis.visible.lower;
        // Identifier-shaped tokens looked up in a map: linear in the text, whatever the tool count.
        const re = TOKEN;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(lower)) !== null) {
          const raw = m[0];
          const last = raw.charCodeAt(raw.length - 1);
          const token = last === 0x2e || last === 0x2d ? raw.replace(/[.-]+$/, '') : raw;
          const hit = targets.get(token);
          if (hit === undefined) continue;
          const begin = m.index;
          const end = begin + token.length;
          for (const t of hit) {
            if (t.server === d.server) continue;
            const key = `${d.server}\u0000${d.name}\u0000${t.server}\u0000${t.label}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const shadow = flagged.get(`${d.server}\u0000${d.tool ?? ''}`);
            const around = lower.slice(Math.max(0, begin - 120), end + 120);
            const steering = /\b(?:always|never|must|instead|replace|redirect|bcc|override|do not|don't)\b/.test(around);
            const severity: Severity = shadow !== undefined && atLeast(shadow, 'medium') ? 'high' : steering ? 'medium' : 'low';
            reports.push({
              messageId: 'reference',
              data: { where: field.pointer, from: d.server, what: t.label, to: t.server },
              severity,
              server: d.server,
              ...(d.tool !== undefined ? { tool: d.tool } : {}),
              field: field.pointer,
              evidence: field.analysis.visible.text.slice(Math.max(0, begin - 80), end + 80),
            });
          }
        }
      }
    };
    for (const d of subject.definitions) visit(d);
    return reports;
  },
});
