import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

type Ids = 'missing' | 'invalid' | 'repositoryMismatch';

/** Build provenance: absent, failing verification, or naming another repository than the package does. */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/provenance',
    title: 'Build provenance missing, invalid or for another repository',
    description:
      'A Sigstore provenance attestation ties a published package to the source repository and CI run that built it. Without one, nothing shows the code came from the repository it claims. An attestation that does not verify, or that names another repository, means the package is not what it says.',
    severity: 'low',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Prefer releases published with provenance (npm publish --provenance, PyPI trusted publishing). For an invalid or mismatched attestation, do not run the package: report it to the registry and the maintainers.',
    messages: {
      missing: '{{pkg}} has no build provenance: nothing ties the published code to a source repository and CI run.',
      invalid: '{{pkg}} carries a provenance attestation that does not verify: {{reason}}.',
      repositoryMismatch: '{{pkg}} was built from {{attested}} according to its verified provenance, but its metadata claims {{claimed}}.',
    },
  },
  check(s) {
    if (!resolved(s) || (s.facts.ref.ecosystem !== 'npm' && s.facts.ref.ecosystem !== 'pypi')) return [];
    const f = s.facts;
    const p = f.provenance;
    const at = packageLocation(s);
    const reports: RuleReport<Ids>[] = [];
    if (p.status === 'absent') reports.push({ messageId: 'missing', data: { pkg: pkgLabel(f) }, ...at });
    else if (p.status === 'invalid') reports.push({ messageId: 'invalid', severity: 'high', data: { pkg: pkgLabel(f), reason: p.reason ?? 'unknown reason' }, evidence: p.reason ?? '', ...at });
    else if (p.status === 'verified' && p.repository && f.repository && p.repository !== f.repository) {
      reports.push({ messageId: 'repositoryMismatch', severity: 'high', data: { pkg: pkgLabel(f), attested: p.repository, claimed: f.repository }, evidence: `${p.repository} != ${f.repository}`, ...at });
    }
    return reports;
  },
});
