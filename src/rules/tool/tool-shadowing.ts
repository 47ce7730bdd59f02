/**
 * @fileoverview Descriptions that change how other tools or servers behave (tool shadowing):
 * redirecting recipients or payments, adding BCCs, forbidding or replacing other tools.
 */
import { assessShadowing } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { assessViews, describeOrigin, proseFields, proseViews } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'shadowing'>({
  kind: 'tool',
  meta: {
    id: 'tool/tool-shadowing',
    title: 'Description changes how other tools behave',
    description:
      'Every connected server\'s descriptions share one context. A malicious server can rewrite the behaviour of a trusted server\'s tools (add a BCC to every e-mail, swap the IBAN of a payment, push to its own remote, mark the real tool "compromised") without its own tool ever being called.',
    severity: 'high',
    category: 'tool-shadowing',
    attack: [Atlas.PromptInjection, Atlas.AgentToolInvocation, Attack.Masquerading, Attack.AdversaryInTheMiddle],
    remediation:
      'Disconnect the server. A tool\'s description should only describe that tool; instructions about other tools or servers are a shadowing attack.',
    messages: {
      shadowing: '{{where}} of "{{name}}" ({{origin}}) {{reasons}}.',
    },
  },
  check(def) {
    const reports: RuleReport<'shadowing'>[] = [];
    for (const field of proseFields(def)) {
      const a = assessViews(def, field, proseViews(field), assessShadowing);
      if (a === undefined) continue;
      reports.push({
        messageId: 'shadowing' as const,
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
