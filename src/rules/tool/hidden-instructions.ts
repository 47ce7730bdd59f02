/**
 * @fileoverview Instructions aimed at the model inside a description: overriding earlier
 * instructions, hiding actions from the user, misleading the user, or fake system/role structure.
 */
import { assessInjection } from '../../analysis/assess.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { assessViews, describeOrigin, proseFields, proseViews } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'injected' | 'injectedHidden'>({
  kind: 'tool',
  meta: {
    id: 'tool/hidden-instructions',
    title: 'Instructions to the model hidden in a description',
    description:
      'Tool descriptions, server instructions and prompt texts go straight into the model\'s context. Text that tells the model to ignore earlier instructions, hide what it does from the user, mislead the user or that fakes system tags is a prompt injection (tool poisoning), whatever the language.',
    severity: 'high',
    category: 'prompt-injection',
    attack: [Atlas.PromptInjection, Atlas.LlmJailbreak, Attack.HideArtifacts],
    remediation:
      'Do not use this server until the description is fixed. Descriptions should say what the tool does for the user, never instruct the model to override, conceal or deceive. Report the text to the server\'s maintainers.',
    messages: {
      injected: '{{where}} of "{{name}}" instructs the model: {{reasons}}.',
      injectedHidden: '{{where}} of "{{name}}" carries instructions in {{origin}} that a person does not see: {{reasons}}.',
    },
  },
  check(def) {
    const reports: RuleReport<'injected' | 'injectedHidden'>[] = [];
    for (const field of proseFields(def)) {
      const a = assessViews(def, field, proseViews(field), assessInjection);
      if (a === undefined) continue;
      const hidden = a.view.origin.kind !== 'visible';
      const report = {
        messageId: hidden ? ('injectedHidden' as const) : ('injected' as const),
        data: { where: field.pointer, name: def.name || def.server, reasons: a.reasons.join('; '), origin: describeOrigin(a.view) },
        severity: a.severity,
        field: field.pointer,
        evidence: a.evidence,
        ...(hidden ? { decoded: a.view.text } : {}),
      };
      reports.push(report);
    }
    return reports;
  },
});
