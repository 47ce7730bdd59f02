import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

type Ids = 'maintainersChanged' | 'newPublisher';

/** Who can publish the package changed, or a never-seen account published this version. */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/maintainer-change',
    title: 'Maintainers or publisher changed',
    description:
      'The accounts that can publish the package changed between the previous version and this one, or this version was published by an account that published none of the earlier ones. Account takeovers and handovers to a new owner are how trusted packages turn malicious.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Find out why the maintainers changed (release notes, repository). Until then, pin the last version published by the previous maintainers.',
    messages: {
      maintainersChanged: 'Maintainers of {{pkg}} changed since {{previous}}: removed {{removed}}, added {{added}}.',
      newPublisher: '{{pkg}} was published by "{{publisher}}", who published none of the earlier versions (those came from {{earlier}}).',
    },
  },
  check(s) {
    if (!resolved(s)) return [];
    const f = s.facts;
    const at = packageLocation(s);
    const reports: RuleReport<Ids>[] = [];
    if (f.maintainers && f.previousMaintainers && f.previousVersion) {
      const added = f.maintainers.filter((m) => !f.previousMaintainers?.includes(m));
      const removed = f.previousMaintainers.filter((m) => !f.maintainers?.includes(m));
      if (added.length > 0 || removed.length > 0) {
        reports.push({ messageId: 'maintainersChanged', severity: removed.length > 0 && added.length > 0 ? 'high' : 'medium', data: { pkg: pkgLabel(f), previous: f.previousVersion, added: added.join(', ') || 'none', removed: removed.join(', ') || 'none' }, evidence: `${f.previousMaintainers.join(',')} -> ${f.maintainers.join(',')}`, ...at });
      }
    }
    if (f.publisher && f.earlierPublishers && f.earlierPublishers.length > 0 && !f.earlierPublishers.includes(f.publisher)) {
      reports.push({ messageId: 'newPublisher', severity: 'high', data: { pkg: pkgLabel(f), publisher: f.publisher, earlier: f.earlierPublishers.join(', ') }, evidence: f.publisher, ...at });
    }
    return reports;
  },
});
