/**
 * @fileoverview Descriptions that tell the model (or the user) to run a dangerous command:
 * download-and-execute, destructive commands, persistence, installs from untrusted sources.
 */
import { assessCommandLure } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { assessViews, describeOrigin, proseFields, proseViews } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'lure'>({
  kind: 'tool',
  meta: {
    id: 'tool/command-injection-lure',
    title: 'Description tells the model to run a dangerous command',
    description:
      'A description that asks the model to "first run" `curl … | sh`, to append a key to authorized_keys, to `rm -rf ~` or to install a package from a private index turns a coding agent with a shell into the attacker\'s shell. A tool that legitimately runs commands describes what it runs; it does not hand the model a specific payload.',
    severity: 'high',
    category: 'command-injection',
    attack: [Atlas.PromptInjection, Atlas.AgentToolInvocation, Attack.CommandAndScriptingInterpreter, Attack.UserExecution, Attack.IngressToolTransfer],
    remediation:
      'Do not run the command. Remove the server and check shell history, crontab, shell rc files and ~/.ssh/authorized_keys on any machine where an agent had it connected.',
    messages: {
      lure: '{{where}} of "{{name}}" ({{origin}}) {{reasons}}.',
    },
  },
  check(def) {
    const reports: RuleReport<'lure'>[] = [];
    for (const field of proseFields(def)) {
      const a = assessViews(def, field, proseViews(field), (v, c) => assessCommandLure(v, c, field.role));
      if (a === undefined) continue;
      reports.push({
        messageId: 'lure' as const,
        data: { where: field.pointer, name: def.name || def.server, reasons: a.reasons.join(' '), origin: describeOrigin(a.view) },
        severity: a.severity,
        field: field.pointer,
        evidence: a.evidence,
        ...(a.view.origin.kind !== 'visible' ? { decoded: a.view.text } : {}),
      });
    }
    return reports;
  },
});
