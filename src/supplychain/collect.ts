/**
 * @module supplychain/collect
 * Gathers the facts for one package reference from the right registry, then checks the MCP registry
 * listing it claims. The only module that decides which host a package sends vet to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryEndpoints } from './endpoints.js';
import semver from 'semver';
import { emptyFacts, type PackageFacts } from './facts.js';
import { collectRepositoryTags, githubRepo, type TagsContext } from './github-tags.js';
import type { RegistryHttp } from './http.js';
import { checkListing } from './mcp-registry.js';
import { collectNpmFacts } from './npm.js';
import { collectOciFacts } from './oci.js';
import type { PackageRef } from './package-ref.js';
import { collectPypiFacts } from './pypi.js';
import { normalizeRepository } from './repository.js';
import type { LoadedTrustRoot } from './trust-root.js';

export interface CollectContext {
  http: RegistryHttp;
  endpoints: RegistryEndpoints;
  trust: LoadedTrustRoot | undefined;
  /** GitHub access for the version-vs-tags check; unset, that check is not made (unit tests of one registry). */
  github?: TagsContext;
}

/**
 * Compares the resolved version with the tags of the package's GitHub repository. Only npm and PyPI
 * versions that are valid semver are compared; repositories on other hosts are left out (the report
 * notes say so); a GitHub failure makes this one check "not checked".
 */
async function addRepositoryTags(facts: PackageFacts, github: TagsContext): Promise<void> {
  const version = facts.resolvedVersion;
  if (!facts.found || version === undefined || facts.repository === undefined) return;
  if (facts.ref.ecosystem !== 'npm' && facts.ref.ecosystem !== 'pypi') return;
  if (semver.valid(version) === null || !githubRepo(facts.repository)) return;
  const outcome = await collectRepositoryTags(facts.repository, facts.ref.name, version, github);
  if (outcome.ok) facts.repositoryTags = outcome.tags;
  else facts.unchecked.push({ check: 'repository-tags', reason: outcome.reason });
}

/** MCPB bundles are local: their manifest.json is the only metadata (no registry to ask). */
function bundleFacts(ref: PackageRef): PackageFacts {
  const facts = emptyFacts(ref);
  facts.provenance = { status: 'not-checked', reason: 'MCPB bundles carry no registry provenance' };
  if (ref.requested) facts.resolvedVersion = ref.requested;
  const manifest = ref.localDir ? join(ref.localDir, 'manifest.json') : undefined;
  if (manifest && existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { repository?: unknown };
      const repo = normalizeRepository(m.repository);
      if (repo) facts.repository = repo;
    } catch {
      facts.unchecked.push({ check: 'bundle', reason: `${manifest}: not valid JSON` });
    }
  }
  return facts;
}

export async function collectFacts(ref: PackageRef, ctx: CollectContext): Promise<PackageFacts> {
  let facts: PackageFacts;
  if (ref.source !== 'registry' && ref.source !== 'local-install') {
    facts = ref.source === 'bundle' ? bundleFacts(ref) : emptyFacts(ref);
    return facts;
  }
  switch (ref.ecosystem) {
    case 'npm':
      facts = await collectNpmFacts(ref, { http: ctx.http, registry: ctx.endpoints.npm, trust: ctx.trust });
      break;
    case 'pypi':
      facts = await collectPypiFacts(ref, { http: ctx.http, base: ctx.endpoints.pypi, trust: ctx.trust });
      break;
    case 'oci':
      facts = await collectOciFacts(ref, { http: ctx.http, endpoints: ctx.endpoints });
      break;
    default:
      facts = bundleFacts(ref);
  }
  if (ctx.github) await addRepositoryTags(facts, ctx.github);
  if (facts.listing) {
    facts.listing = await checkListing(facts.listing, ctx.http, ctx.endpoints.mcpRegistry);
    if (facts.listing.status === 'not-checked') facts.unchecked.push({ check: 'registry-listing', reason: facts.listing.reason ?? 'lookup failed' });
  }
  return facts;
}
