import { defineRule } from '../define.js';
import { refLabel } from '../../supplychain/package-ref.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation } from './where.js';

/** The registry has no such package (or no such version). */
export default defineRule<VetSubject, VetRuleContext, 'packageMissing' | 'versionMissing'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/package-not-found',
    title: 'Package or version not on the registry',
    description:
      'The registry answers 404 for the package or for the requested version. Packages vanish when they are pulled for malware or unpublished by their author, and an unpublished name can be registered again by anyone: the next launch may install a stranger\'s code under a name you trusted.',
    severity: 'high',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Find out why it disappeared (security advisories, the vendor). Remove the server, or point it at the vendor\'s current package, pinned.',
    messages: {
      packageMissing: '{{name}} is not on {{registry}}: it was removed, unpublished, or never existed. Anyone can register a freed name.',
      versionMissing: '{{name}} has no version matching {{spec}} on {{registry}}: that version was unpublished or never existed.',
    },
  },
  check(s) {
    const f = s.facts;
    if (!f || f.found || !s.ref || s.ref.source !== 'registry') return [];
    const registry = f.registry ?? 'the registry';
    const at = packageLocation(s);
    if (f.versionCount !== undefined && f.versionCount > 0) return [{ messageId: 'versionMissing', data: { name: s.ref.name, spec: s.ref.requested ?? 'latest', registry }, evidence: refLabel(s.ref), ...at }];
    return [{ messageId: 'packageMissing', data: { name: s.ref.name, registry }, evidence: refLabel(s.ref), ...at }];
  },
});
