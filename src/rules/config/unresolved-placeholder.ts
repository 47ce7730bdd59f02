/**
 * @fileoverview `${VAR}`, `${env:VAR}` and `${input:id}` references a launch (and a live scan)
 * may not get values for. Names only, never values. A declared `${input:id}` is what VS Code
 * recommends for secrets (the client prompts and stores it): resolvable, so not reported.
 */
import { defineRule } from '../define.js';
import type { ServerEntry } from '../../model/index.js';
import { findPlaceholders } from '../../analysis/placeholders.js';
import type { RuleReport } from '../types.js';
import type { ConfigRuleContext } from './types.js';
import { entryFields, fieldLabel } from './utils/fields.js';

type MessageId = 'unsetVariable' | 'variable' | 'missingInput';

export default defineRule<ServerEntry, ConfigRuleContext, MessageId>({
  kind: 'config',
  meta: {
    id: 'config/unresolved-placeholder',
    title: 'Placeholder that needs a value at launch',
    description:
      'A `${VAR}` or `${input:id}` reference is resolved when the client starts the server. When the variable is not set, most clients pass the literal text on (the server then fails or runs unauthenticated), and a live scan cannot start the server either.',
    severity: 'info',
    category: 'inventory',
    attack: [],
    remediation: 'Set the variable in the environment the client (and a live scan) runs in, or declare the input; prefer references over literal secrets.',
    messages: {
      unsetVariable: 'Server "{{server}}" refers to {{ref}} in {{field}}, and {{name}} is not set where this scan ran: the client passes the value on at launch, and a live scan will need it set.',
      variable: 'Server "{{server}}" refers to {{ref}} in {{field}}: the value comes from the environment at launch, and a live scan will need it set.',
      missingInput: 'Server "{{server}}" refers to {{ref}} in {{field}}, but the config declares no input "{{name}}": the client cannot resolve it and passes the literal text.',
    },
  },
  check(entry, ctx) {
    const reports: RuleReport<MessageId>[] = [];
    const seen = new Set<string>();
    for (const field of entryFields(entry)) {
      for (const p of findPlaceholders(field.value)) {
        if (p.kind === 'client' || p.kind === 'with-default') continue;
        const key = `${p.kind}:${p.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let messageId: MessageId;
        if (p.kind === 'input') {
          if (entry.inputIds?.includes(p.name)) continue;
          messageId = 'missingInput';
        } else if (ctx.envNames === undefined) messageId = 'variable';
        else if (ctx.envNames.has(p.name)) continue;
        else messageId = 'unsetVariable';
        reports.push({
          messageId,
          data: { server: entry.name, ref: p.text, name: p.name, field: fieldLabel(field) },
          ...(messageId === 'missingInput' ? { severity: 'low' as const } : {}),
          field: field.pointer,
          ...(field.line !== undefined ? { line: field.line } : {}),
          evidence: p.text,
        });
      }
    }
    return reports;
  },
});
