import { defineRule } from '../define.js';
import { coversVersion, packageIocs } from '../../supplychain/ioc.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation } from './where.js';

type Ids = 'maliciousVersion' | 'maliciousHistory';

/** A package (and version) listed in an IoC feed: the bundled one or the user's `--ioc` files. */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/known-malicious-package',
    title: 'Known-malicious package',
    description:
      'The server installs a package version that a public report (or your own IoC feed) identifies as malicious. Such code runs with the user\'s rights and sees every tool call; backdoors like the postmark-mcp Bcc are invisible on the MCP wire.',
    severity: 'critical',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Remove the server now, rotate every credential it was given, and review what it could reach (mail sent, files read). If you need the functionality, use the vendor\'s own package, pinned to a reviewed version.',
    messages: {
      maliciousVersion: '{{pkg}} is a known-malicious release ({{id}}): {{summary}} See {{reference}}.',
      maliciousHistory: '{{name}} shipped known-malicious versions ({{versions}}, {{id}}) and {{which}}. {{summary}}',
    },
  },
  check(s, ctx) {
    if (!s.ref) return [];
    const reports: RuleReport<Ids>[] = [];
    const at = packageLocation(s);
    const version = s.facts?.resolvedVersion ?? (s.ref.pinned ? s.ref.requested : undefined);
    for (const e of packageIocs(ctx.ioc, s.ref.ecosystem, s.ref.name)) {
      const data = { id: e.id, summary: e.summary, reference: e.references[0] ?? e.feed, name: s.ref.name, versions: e.versions.join(', ') };
      if (coversVersion(e, version)) {
        reports.push({ messageId: 'maliciousVersion', data: { ...data, pkg: `${s.ref.name}@${version ?? '*'}` }, evidence: `${s.ref.name}@${version ?? '*'}`, ...at });
      } else if (!s.ref.pinned || version === undefined) {
        reports.push({ messageId: 'maliciousHistory', severity: 'high', data: { ...data, which: version === undefined ? 'the version that would run cannot be determined (the registry no longer serves it)' : `the spec floats, so the registry decides which version runs (${version} today)` }, evidence: s.ref.name, ...at });
      } else {
        reports.push({ messageId: 'maliciousHistory', severity: 'medium', data: { ...data, which: `this entry pins ${version}, which is not listed; the same publisher shipped the malicious ones` }, evidence: `${s.ref.name}@${version}`, ...at });
      }
    }
    return reports;
  },
});
