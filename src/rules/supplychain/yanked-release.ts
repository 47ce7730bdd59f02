import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

/** The PyPI release that runs is yanked. */
export default defineRule<VetSubject, VetRuleContext, 'yanked'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/yanked-release',
    title: 'Yanked release',
    description:
      'The publisher yanked this release on PyPI (PEP 592): installers skip it unless it is pinned exactly, which is what this config does. Releases are yanked for serious bugs and for security problems.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Read the yank reason and move to a release that is not yanked.',
    messages: { yanked: '{{pkg}} is yanked on PyPI{{reason}}.' },
  },
  check(s) {
    if (!resolved(s) || !s.facts.yanked) return [];
    const reason = s.facts.yanked.reason ? `: "${s.facts.yanked.reason}"` : ' (no reason given)';
    return [{ messageId: 'yanked', data: { pkg: pkgLabel(s.facts), reason }, evidence: s.facts.yanked.reason ?? pkgLabel(s.facts), ...packageLocation(s) }];
  },
});
