import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

/** The version that runs is deprecated by its publisher. */
export default defineRule<VetSubject, VetRuleContext, 'deprecated'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/deprecated',
    title: 'Deprecated package',
    description:
      'The publisher marked this version deprecated: it gets no fixes, and deprecated or archived servers are prime targets for name takeovers. Several reference MCP servers were archived and deprecated in 2025.',
    severity: 'low',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Move to the replacement the deprecation message names, or to a maintained server.',
    messages: { deprecated: '{{pkg}} is deprecated: "{{reason}}".' },
  },
  check(s) {
    if (!resolved(s) || !s.facts.deprecated) return [];
    return [{ messageId: 'deprecated', data: { pkg: pkgLabel(s.facts), reason: s.facts.deprecated }, evidence: s.facts.deprecated, ...packageLocation(s) }];
  },
});
