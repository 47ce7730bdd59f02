import { defineRule } from '../define.js';
import { findTyposquat, type SquatTechnique } from '../../supplychain/typosquat.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation } from './where.js';

const HOW: Record<SquatTechnique, string> = {
  confusable: 'look-alike characters',
  separator: 'same words, different separators',
  plural: 'a plural or singular of the same words',
  reorder: 'the same words in another order',
  'scope-swap': 'a look-alike npm scope',
  'scope-drop': 'the same name without its npm scope',
  'edit-distance': 'a one- or two-character edit',
};

/** A package name that imitates a well-known MCP server. */
export default defineRule<VetSubject, VetRuleContext, 'typosquat'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/typosquat',
    title: 'Name imitates a well-known MCP server',
    description:
      'The package name is a near-miss of a popular MCP server. Typosquats rely on a typo, a copied snippet or a hasty review to install the attacker\'s package in place of the real one; MCP configs are copied from blogs and chat answers all the time.',
    severity: 'high',
    category: 'supply-chain',
    attack: ['T1195.001', 'T1036.005'],
    remediation: 'Check the package you meant to run, on the vendor\'s own documentation, and use that exact name. If this is a different, legitimate package, pin it and note why in review.',
    messages: { typosquat: '{{name}} looks like the well-known {{target}} ({{how}}). If you meant {{target}}, this config installs someone else\'s code.' },
  },
  check(s, ctx) {
    if (!s.ref || (s.ref.source !== 'registry' && s.ref.source !== 'local-install')) return [];
    const m = findTyposquat(s.ref.ecosystem, s.ref.name, ctx.popular);
    if (!m) return [];
    return [{ messageId: 'typosquat', data: { name: s.ref.name, target: m.target, how: HOW[m.technique] }, evidence: s.ref.name, ...packageLocation(s) }];
  },
});
