import semver from 'semver';
import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

/**
 * The release line of a version: its major number, or `0.minor` for 0.x versions (where semver
 * makes the minor number the breaking one). A version "far newer" than the repository's tags is one
 * on a release line no tag has reached.
 */
function releaseLine(v: semver.SemVer): string {
  return v.major === 0 ? `0.${v.minor}` : `${v.major}`;
}

/** True when `version` starts a release line beyond the newest tagged one (see docs/rules). */
export function farAhead(version: string, newest: string): boolean {
  const r = semver.parse(version);
  const n = semver.parse(newest);
  if (!r || !n || !semver.gt(r, n)) return false;
  if (r.major !== n.major) return true;
  return r.major === 0 && r.minor > n.minor;
}

/** The version that runs is untagged and on a release line its repository has never tagged. */
export default defineRule<VetSubject, VetRuleContext, 'aheadOfTags'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/version-ahead-of-tags',
    title: 'Version far newer than the repository\'s tags',
    description:
      'The version that runs has no tag in the source repository the package names, and is on a newer release line (major version, or minor for 0.x) than any tag there. Either the release was not built from that repository (a hijacked publish token, a clone that borrows a reputable repository\'s name, an inflated version meant to win resolution), or the project stopped tagging releases; a reviewer cannot map the code that runs to reviewed source.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Compare the published package with the repository (npm pack / pip download and diff against the newest tag), ask the maintainers why the release is untagged, and pin a version that is tagged (and ideally has provenance).',
    messages: {
      aheadOfTags: '{{pkg}} has no tag in {{repository}}, whose newest release tag is {{newestTag}} ({{newest}}): release line {{line}} was never tagged there ({{count}} tag(s) read).',
    },
  },
  check(s) {
    if (!resolved(s)) return [];
    const t = s.facts.repositoryTags;
    if (t?.status !== 'checked' || t.matchingTag !== undefined || t.newestVersion === undefined || t.newestTag === undefined) return [];
    const version = s.facts.resolvedVersion;
    if (!farAhead(version, t.newestVersion)) return [];
    const parsed = semver.parse(version);
    return [{
      messageId: 'aheadOfTags',
      data: { pkg: pkgLabel(s.facts), repository: t.repository, newestTag: t.newestTag, newest: t.newestVersion, line: parsed ? `${releaseLine(parsed)}.x` : version, count: t.count },
      evidence: `${pkgLabel(s.facts)} vs ${t.repository} tag ${t.newestTag}`,
      ...packageLocation(s),
    }];
  },
});
