/**
 * @fileoverview Tools that ask for passwords, one-time codes, recovery phrases, card data or
 * session cookies through the model, or take them as parameters they have no use for.
 */
import { assessCredentialHarvest, secretParams } from '../../analysis/assess.js';
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import { assessViews, proseFields, proseViews, strongest } from './helpers.js';
import type { ToolRuleContext } from './types.js';
import { Atlas, Attack } from '../attack.js';

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'harvest' | 'secretParams'>({
  kind: 'tool',
  meta: {
    id: 'tool/credential-harvest',
    title: 'Tool harvests credentials through the model',
    description:
      'Phishing through an agent: the description makes the model ask the user for a password, a 2FA code, a wallet recovery phrase or a session cookie and send it in a parameter. Legitimate servers authenticate with OAuth or configured tokens, not with secrets typed into the chat.',
    severity: 'high',
    category: 'credential-access',
    attack: [Atlas.PromptInjection, Attack.PhishingForInformation, Attack.UnsecuredCredentials, Attack.InputCapture],
    remediation:
      'Never type passwords, codes or recovery phrases into a chat for a tool. Remove the server; if a secret was given, change it and revoke sessions.',
    messages: {
      harvest: '{{where}} of "{{name}}" {{reasons}}.',
      secretParams: 'Tool "{{name}}" takes {{labels}} as parameters although its purpose ("{{purpose}}") does not need them.',
    },
  },
  check(def) {
    if (def.kind !== 'tool' && def.kind !== 'server' && def.kind !== 'prompt') return [];
    const reports: RuleReport<'harvest' | 'secretParams'>[] = [];
    const perField = proseFields(def).map((field) => {
      const a = assessViews(def, field, proseViews(field), (v, c) => assessCredentialHarvest(v, c, field.role === 'description'));
      return a === undefined ? undefined : { ...a, field };
    });
    const best = strongest(perField);
    if (best !== undefined) {
      reports.push({
        messageId: 'harvest' as const,
        data: { where: best.field.pointer, name: def.name || def.server, reasons: best.reasons.join('; ') },
        severity: best.severity,
        field: best.field.pointer,
        evidence: best.evidence,
      });
    } else if (def.kind === 'tool') {
      const sp = secretParams(def.params, def.purpose);
      if (sp.score >= 3) {
        reports.push({
          messageId: 'secretParams' as const,
          data: { name: def.name, labels: sp.labels.join(' and '), purpose: def.purpose.slice(0, 120) },
          severity: 'high' as const,
          field: '/inputSchema/properties',
          evidence: [...def.params].join(', '),
        });
      }
    }
    return reports;
  },
});
