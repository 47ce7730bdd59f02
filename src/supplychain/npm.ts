/**
 * @module supplychain/npm
 * npm registry facts for one package: the full packument (`GET /<name>`), the version npx would pick
 * today (npm-pick-manifest, the same code npm uses), publish times, maintainers and publishers across
 * versions, lifecycle scripts, deprecation, repository, and the Sigstore provenance attestation
 * (`GET /-/npm/v1/attestations/<name>@<version>`), verified offline.
 * @see https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md
 */
import pickManifest from 'npm-pick-manifest';
import semver from 'semver';
import { emptyFacts, type PackageFacts } from './facts.js';
import type { RegistryHttp } from './http.js';
import type { PackageRef } from './package-ref.js';
import { verifyNpmAttestations } from './provenance.js';
import { normalizeRepository } from './repository.js';
import type { LoadedTrustRoot } from './trust-root.js';

/** Lifecycle scripts npm runs when a package is installed (npx installs before it runs). */
export const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

interface Person {
  name?: unknown;
}
interface VersionManifest {
  name?: unknown;
  version?: unknown;
  scripts?: Record<string, unknown>;
  gypfile?: unknown;
  deprecated?: unknown;
  repository?: unknown;
  maintainers?: unknown;
  _npmUser?: Person;
  mcpName?: unknown;
  dist?: { integrity?: unknown; attestations?: { url?: unknown; provenance?: unknown } };
}
export interface Packument {
  name?: unknown;
  'dist-tags'?: Record<string, unknown>;
  versions?: Record<string, VersionManifest>;
  time?: Record<string, unknown>;
  repository?: unknown;
  maintainers?: unknown;
}

export interface NpmContext {
  http: RegistryHttp;
  registry: string;
  trust: LoadedTrustRoot | undefined;
}

/** Registry path of a package: scoped names keep `@` and escape `/` (`@s%2fname`). */
export function npmPackagePath(name: string): string {
  return name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}

function names(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list
    .map((p) => (typeof p === 'string' ? p.replace(/\s*<.*$/, '') : typeof (p as Person)?.name === 'string' ? String((p as Person).name) : ''))
    .filter((n) => n !== '')
    .sort();
}

/** True when no version carries publisher or maintainer data: a mirror or proxy stripped it. */
function publishMetadataStripped(p: Packument): boolean {
  const versions = Object.values(p.versions ?? {});
  return versions.length > 0 && versions.every((v) => v._npmUser === undefined && v.maintainers === undefined) && p.maintainers === undefined;
}

/**
 * Valid versions in semver order. "Previous" means the next lower version rather than the one
 * published just before: publish times can be rewritten by mirrors, and backports would otherwise
 * compare a 2.x release with a 1.x patch.
 */
function bySemver(p: Packument): string[] {
  return Object.keys(p.versions ?? {})
    .filter((v) => semver.valid(v) !== null)
    .sort(semver.compare);
}

/** Derives everything vet checks from a packument and the spec (pure; exported for tests). */
export function factsFromPackument(ref: PackageRef, p: Packument, registryHost: string): PackageFacts {
  const facts = emptyFacts(ref);
  facts.registry = registryHost;
  const latest = p['dist-tags']?.['latest'];
  if (typeof latest === 'string') facts.latestVersion = latest;
  facts.versionCount = Object.keys(p.versions ?? {}).length;
  let version: string;
  try {
    version = pickManifest(p, ref.requested ?? 'latest').version;
  } catch {
    facts.found = false;
    return facts;
  }
  const m = p.versions?.[version] ?? {};
  facts.resolvedVersion = version;
  const published = p.time?.[version];
  if (typeof published === 'string') facts.publishedAt = published;
  else facts.unchecked.push({ check: 'publish-age', reason: 'the registry gave no publish time for this version' });

  const ordered = bySemver(p);
  const idx = ordered.indexOf(version);
  const previous = idx > 0 ? ordered[idx - 1] : undefined;
  if (previous !== undefined) facts.previousVersion = previous;

  if (publishMetadataStripped(p)) {
    facts.unchecked.push({ check: 'maintainers', reason: `${registryHost} returned no maintainers or publishers (a mirror that strips them?)` });
  } else {
    const now = names(m.maintainers);
    if (now) facts.maintainers = now;
    if (typeof m._npmUser?.name === 'string') facts.publisher = m._npmUser.name;
    if (previous !== undefined) {
      const before = names(p.versions?.[previous]?.maintainers);
      if (before) facts.previousMaintainers = before;
      const earlier = new Set<string>();
      for (const v of ordered.slice(0, idx)) {
        const u = p.versions?.[v]?._npmUser?.name;
        if (typeof u === 'string') earlier.add(u);
      }
      facts.earlierPublishers = [...earlier].sort();
    }
  }

  const scripts: Record<string, string> = {};
  for (const s of INSTALL_SCRIPTS) {
    const cmd = m.scripts?.[s];
    if (typeof cmd === 'string' && cmd.trim() !== '') scripts[s] = cmd;
  }
  // npm runs `node-gyp rebuild` for a package with binding.gyp and no install script of its own.
  if (m.gypfile === true && scripts['install'] === undefined && scripts['preinstall'] === undefined) scripts['install'] = 'node-gyp rebuild (implicit: binding.gyp)';
  if (Object.keys(scripts).length > 0) facts.installScripts = scripts;

  if (typeof m.deprecated === 'string' && m.deprecated !== '') facts.deprecated = m.deprecated;
  const repo = m.repository ?? p.repository;
  const repoRaw = typeof repo === 'string' ? repo : typeof (repo as { url?: unknown })?.url === 'string' ? String((repo as { url: string }).url) : undefined;
  if (repoRaw !== undefined) facts.repositoryRaw = repoRaw;
  const normalized = normalizeRepository(repo);
  if (normalized) facts.repository = normalized;
  if (typeof m.mcpName === 'string' && m.mcpName !== '') facts.listing = { claimedName: m.mcpName, claimedIn: `package.json "mcpName" of ${ref.name}@${version}`, status: 'not-checked' };
  return facts;
}

/** Looks the package up and verifies its provenance. Network problems become `unchecked` entries, never throws. */
export async function collectNpmFacts(ref: PackageRef, ctx: NpmContext): Promise<PackageFacts> {
  const host = new URL(ctx.registry).host;
  const res = await ctx.http.get<Packument>(`${ctx.registry}/${npmPackagePath(ref.name)}`);
  if (!res.ok) {
    const facts = emptyFacts(ref);
    facts.registry = host;
    if (res.failure === 'not-found') facts.found = false;
    else facts.unchecked.push({ check: 'registry', reason: res.reason });
    return facts;
  }
  const facts = factsFromPackument(ref, res.body, host);
  if (!facts.found || facts.resolvedVersion === undefined) return facts;
  const version = facts.resolvedVersion;
  const m = res.body.versions?.[version] ?? {};
  const integrity = typeof m.dist?.integrity === 'string' ? m.dist.integrity : undefined;
  const advertised = m.dist?.attestations !== undefined;
  if (!advertised) {
    facts.provenance = publishMetadataStripped(res.body)
      ? { status: 'not-checked', reason: `${host} strips attestation metadata from its responses` }
      : { status: 'absent', reason: 'the registry lists no attestations for this version' };
    if (facts.provenance.status === 'not-checked') facts.unchecked.push({ check: 'provenance', reason: facts.provenance.reason ?? '' });
    return facts;
  }
  if (!ctx.trust) {
    facts.provenance = { status: 'not-checked', reason: 'no Sigstore trusted root available' };
    facts.unchecked.push({ check: 'provenance', reason: 'no Sigstore trusted root available' });
    return facts;
  }
  const att = await ctx.http.get(`${ctx.registry}/-/npm/v1/attestations/${npmPackagePath(ref.name)}@${encodeURIComponent(version)}`);
  if (!att.ok) {
    facts.provenance = att.failure === 'not-found'
      ? { status: 'invalid', reason: 'the version advertises attestations but the registry has none' }
      : { status: 'not-checked', reason: att.reason };
    if (facts.provenance.status === 'not-checked') facts.unchecked.push({ check: 'provenance', reason: att.reason });
    return facts;
  }
  facts.provenance = verifyNpmAttestations(att.body, ref.name, version, integrity, ctx.trust);
  return facts;
}
