import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

type Ids = 'notListed' | 'packageNotInListing' | 'namespaceMismatch' | 'listingRepositoryMismatch' | 'listingDeprecated';

/** `io.github.<owner>/` namespaces are granted to that GitHub account by the MCP registry. */
function githubNamespaceOwner(name: string): string | undefined {
  const m = /^io\.github\.([A-Za-z0-9-]{1,39})\//.exec(name);
  return m?.[1]?.toLowerCase();
}

/** The package claims an MCP registry listing; the listing, its namespace and the package must agree. */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/registry-listing',
    title: 'MCP registry listing does not match the package',
    description:
      'The package claims an MCP registry name (mcpName in package.json, mcp-name in a PyPI description, an image label). The registry verifies namespaces (io.github.<owner>/ needs that GitHub account) and lists which packages a server ships as. A claim to a listing that does not exist, that lists other packages, or whose namespace owner is not the package\'s repository owner borrows trust the package does not have.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002', 'T1036.005'],
    remediation: 'Install the package the registry listing names, from the publisher that owns the namespace. Ask the maintainers to publish a listing if there is none.',
    messages: {
      notListed: '{{pkg}} claims the MCP registry name {{claimed}} ({{claimedIn}}), but the registry has no such server.',
      packageNotInListing: 'The MCP registry listing {{claimed}} does not ship {{pkg}}; it lists {{listed}}. The package claims a listing that belongs to something else.',
      namespaceMismatch: '{{claimed}} is in the io.github.{{owner}} namespace (verified for GitHub account "{{owner}}"), but {{pkg}} comes from {{repository}}.',
      listingRepositoryMismatch: 'The MCP registry listing {{claimed}} names repository {{listingRepository}}, but {{pkg}} names {{repository}}.',
      listingDeprecated: 'The MCP registry marks {{claimed}} as {{status}}.',
    },
  },
  check(s) {
    if (!resolved(s) || !s.facts.listing) return [];
    const f = s.facts;
    const l = f.listing;
    if (!l) return [];
    const at = packageLocation(s);
    const base = { pkg: pkgLabel(f), claimed: l.claimedName };
    const reports: RuleReport<Ids>[] = [];
    if (l.status === 'not-listed') return [{ messageId: 'notListed', data: { ...base, claimedIn: l.claimedIn }, evidence: l.claimedName, ...at }];
    if (l.status !== 'listed') return [];
    const self = `${f.ref.ecosystem === 'oci' ? 'oci' : f.ref.ecosystem}:${f.ref.name}`;
    if (l.packages && !l.packages.includes(self)) {
      reports.push({ messageId: 'packageNotInListing', severity: 'high', data: { ...base, listed: l.packages.join(', ') || 'no packages' }, evidence: l.claimedName, ...at });
    }
    const owner = githubNamespaceOwner(l.claimedName);
    const repoOwner = f.repository?.startsWith('github.com/') ? f.repository.split('/')[1] : undefined;
    if (owner && f.repository && repoOwner !== owner) {
      reports.push({ messageId: 'namespaceMismatch', severity: 'high', data: { ...base, owner, repository: f.repository }, evidence: `${l.claimedName} vs ${f.repository}`, ...at });
    }
    if (l.repository && f.repository && l.repository !== f.repository) {
      reports.push({ messageId: 'listingRepositoryMismatch', data: { ...base, listingRepository: l.repository, repository: f.repository }, evidence: `${l.repository} vs ${f.repository}`, ...at });
    }
    if (l.listingStatus && l.listingStatus !== 'active') reports.push({ messageId: 'listingDeprecated', severity: 'low', data: { ...base, status: l.listingStatus }, ...at });
    return reports;
  },
});
