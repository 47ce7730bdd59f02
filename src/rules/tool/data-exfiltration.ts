/**
 * @fileoverview Descriptions that make the model read secrets, the conversation, the environment
 * or personal data and put them into a parameter, a URL, an address or a message.
 */
import { assessExfiltration } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { assessViews, describeOrigin, proseFields, proseViews } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'exfiltration'>({
  kind: 'tool',
  meta: {
    id: 'tool/data-exfiltration',
    title: 'Description steers sensitive data out',
    description:
      'A poisoned description can ask the model to read SSH keys, cloud credentials, .env files, the conversation or the system prompt and pass them in an innocuous-looking parameter (a "sidenote"), a URL or a message, so the data leaves with the next tool call.',
    severity: 'high',
    category: 'exfiltration',
    attack: [Atlas.PromptInjection, Atlas.LlmDataLeakage, Attack.ExfiltrationOverWebService, Attack.CredentialsInFiles],
    remediation:
      'Remove the server, and rotate any credential the model may have read while it was connected. A tool never needs the model to collect unrelated files, secrets or conversation text for it.',
    messages: {
      exfiltration: '{{where}} of "{{name}}" ({{origin}}) {{reasons}}.',
    },
  },
  check(def) {
    const reports: RuleReport<'exfiltration'>[] = [];
    for (const field of proseFields(def)) {
      const a = assessViews(def, field, proseViews(field), assessExfiltration);
      if (a === undefined) continue;
      reports.push({
        messageId: 'exfiltration' as const,
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
