import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

/** The package names no source repository. */
export default defineRule<VetSubject, VetRuleContext, 'noRepository' | 'unparsedRepository'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/no-repository',
    title: 'No source repository',
    description:
      'The package metadata names no source repository, so nobody can compare the published code with reviewed source, and a provenance claim has nothing to be checked against.',
    severity: 'low',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Prefer servers whose source is public and whose releases carry provenance. If you keep this one, review the published code itself (npm pack, pip download).',
    messages: {
      noRepository: '{{pkg}} names no source repository.',
      unparsedRepository: '{{pkg}} names a repository that is not a recognisable URL: "{{raw}}".',
    },
  },
  check(s) {
    if (!resolved(s) || s.facts.ref.ecosystem === 'oci' || s.facts.repository) return [];
    const at = packageLocation(s);
    if (s.facts.repositoryRaw) return [{ messageId: 'unparsedRepository', data: { pkg: pkgLabel(s.facts), raw: s.facts.repositoryRaw }, evidence: s.facts.repositoryRaw, ...at }];
    return [{ messageId: 'noRepository', data: { pkg: pkgLabel(s.facts) }, ...at }];
  },
});
