/**
 * @module supplychain/pypi
 * PyPI facts for one project: the JSON API (`GET /pypi/<project>/json`) for releases, upload times,
 * yanked status (PEP 592), project URLs and the `mcp-name:` marker, and the integrity API (PEP 740,
 * `GET /integrity/<project>/<version>/<file>/provenance`) for trusted-publishing attestations, which
 * are converted to Sigstore bundles and verified offline like npm provenance.
 * @see https://docs.pypi.org/api/json/
 * @see https://docs.pypi.org/api/integrity/
 * @see https://peps.python.org/pep-0740/
 */
import { emptyFacts, type PackageFacts } from './facts.js';
import type { RegistryHttp } from './http.js';
import type { PackageRef } from './package-ref.js';
import { verifyBundle, type ProvenanceFacts } from './provenance.js';
import { normalizeRepository } from './repository.js';
import type { LoadedTrustRoot } from './trust-root.js';

interface PypiFile {
  filename?: unknown;
  packagetype?: unknown;
  upload_time_iso_8601?: unknown;
  yanked?: unknown;
  yanked_reason?: unknown;
  digests?: { sha256?: unknown };
}
export interface PypiProject {
  info?: { name?: unknown; version?: unknown; project_urls?: Record<string, unknown> | null; home_page?: unknown; description?: unknown };
  releases?: Record<string, PypiFile[]>;
}

export interface PypiContext {
  http: RegistryHttp;
  base: string;
  trust: LoadedTrustRoot | undefined;
}

/** Project URL labels that name source code, most specific first (PyPI normalises labels loosely). */
const SOURCE_LABELS = ['source', 'source code', 'repository', 'code', 'github', 'gitlab', 'homepage', 'home'];

function sourceRepository(info: PypiProject['info']): { raw?: string; normalized?: string } {
  const urls = Object.entries(info?.project_urls ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  const byLabel = (l: string) => urls.find(([k]) => k.toLowerCase().replace(/[-_]/g, ' ') === l)?.[1];
  const candidates = [...SOURCE_LABELS.map(byLabel), typeof info?.home_page === 'string' ? info.home_page : undefined].filter((u): u is string => u !== undefined);
  for (const raw of candidates) {
    const n = normalizeRepository(raw);
    if (n && /^(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\//.test(n)) return { raw, normalized: n };
  }
  return candidates[0] !== undefined ? { raw: candidates[0] } : {};
}

/** The MCP registry name a project claims with an `mcp-name: io.github.x/y` line in its description. */
export function mcpNameMarker(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const m = /mcp-name:\s{0,5}([A-Za-z0-9.-]{1,100}\/[A-Za-z0-9._-]{1,100})/.exec(description.slice(0, 200_000));
  return m?.[1];
}

/** Derives facts from the project JSON (pure; exported for tests). */
export function factsFromPypiProject(ref: PackageRef, p: PypiProject, host: string): PackageFacts {
  const facts = emptyFacts(ref);
  facts.registry = host;
  const releases = p.releases ?? {};
  const versions = Object.keys(releases).filter((v) => (releases[v]?.length ?? 0) > 0);
  facts.versionCount = versions.length;
  const latest = typeof p.info?.version === 'string' ? p.info.version : undefined;
  if (latest) facts.latestVersion = latest;
  let version: string | undefined;
  if (ref.requested === undefined) version = latest;
  else if (ref.pinned) version = ref.requested.replace(/^={2,3}/, '');
  else {
    version = latest;
    facts.unchecked.push({ check: 'resolution', reason: `the range ${ref.requested} was not evaluated (PEP 440); assumed the newest release ${latest ?? '(none)'}` });
  }
  const files = version === undefined ? undefined : releases[version];
  if (version === undefined || !files || files.length === 0) {
    facts.found = false;
    return facts;
  }
  facts.resolvedVersion = version;
  const times = files.map((f) => (typeof f.upload_time_iso_8601 === 'string' ? f.upload_time_iso_8601 : '')).filter((t) => t !== '').sort();
  if (times[0]) facts.publishedAt = times[0];
  if (files.every((f) => f.yanked === true)) {
    const reason = files.find((f) => typeof f.yanked_reason === 'string' && f.yanked_reason !== '')?.yanked_reason;
    facts.yanked = typeof reason === 'string' ? { reason } : {};
  }
  if (!files.some((f) => f.packagetype === 'bdist_wheel')) {
    facts.installScripts = { 'sdist build': 'no wheel for this release: installing builds the source distribution, running its build backend (setup.py) on your machine' };
  }
  const ordered = versions.sort((a, b) => String(releases[a]?.[0]?.upload_time_iso_8601 ?? '').localeCompare(String(releases[b]?.[0]?.upload_time_iso_8601 ?? '')));
  const idx = ordered.indexOf(version);
  if (idx > 0 && ordered[idx - 1] !== undefined) facts.previousVersion = ordered[idx - 1];
  const repo = sourceRepository(p.info);
  if (repo.raw) facts.repositoryRaw = repo.raw;
  if (repo.normalized) facts.repository = repo.normalized;
  const claimed = mcpNameMarker(p.info?.description);
  if (claimed) facts.listing = { claimedName: claimed, claimedIn: `"mcp-name:" in the PyPI description of ${ref.name}`, status: 'not-checked' };
  return facts;
}

interface IntegrityResponse {
  attestation_bundles?: Array<{
    publisher?: { kind?: unknown; repository?: unknown };
    attestations?: Array<{ verification_material?: { certificate?: unknown; transparency_entries?: unknown[] }; envelope?: { statement?: unknown; signature?: unknown } }>;
  }>;
}

/** PEP 740 attestation → Sigstore bundle v0.3 JSON (the formats map field for field). */
function toSigstoreBundle(a: NonNullable<NonNullable<IntegrityResponse['attestation_bundles']>[number]['attestations']>[number]): unknown {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { certificate: { rawBytes: a.verification_material?.certificate }, tlogEntries: a.verification_material?.transparency_entries ?? [] },
    dsseEnvelope: { payload: a.envelope?.statement, payloadType: 'application/vnd.in-toto+json', signatures: [{ sig: a.envelope?.signature, keyid: '' }] },
  };
}

/** Verifies the trusted-publishing attestation of one distribution file. */
export function verifyPypiProvenance(body: unknown, filename: string, sha256: string, trust: LoadedTrustRoot): ProvenanceFacts {
  const bundles = (body as IntegrityResponse | null)?.attestation_bundles;
  const first = Array.isArray(bundles) ? bundles.find((b) => Array.isArray(b.attestations) && b.attestations.length > 0) : undefined;
  const att = first?.attestations?.[0];
  if (!first || !att) return { status: 'absent', reason: 'the integrity API returned no attestations' };
  const facts = verifyBundle(toSigstoreBundle(att), { names: [filename], digests: { sha256 } }, trust);
  if (facts.status === 'verified' && !facts.repository && typeof first.publisher?.repository === 'string') {
    const n = normalizeRepository(`https://github.com/${first.publisher.repository}`);
    if (n) facts.repository = n;
  }
  return facts;
}

export async function collectPypiFacts(ref: PackageRef, ctx: PypiContext): Promise<PackageFacts> {
  const host = new URL(ctx.base).host;
  const res = await ctx.http.get<PypiProject>(`${ctx.base}/pypi/${encodeURIComponent(ref.name)}/json`);
  if (!res.ok) {
    const facts = emptyFacts(ref);
    facts.registry = host;
    if (res.failure === 'not-found') facts.found = false;
    else facts.unchecked.push({ check: 'registry', reason: res.reason });
    return facts;
  }
  const facts = factsFromPypiProject(ref, res.body, host);
  const version = facts.resolvedVersion;
  if (!facts.found || version === undefined) return facts;
  const files = res.body.releases?.[version] ?? [];
  const file = files.find((f) => f.packagetype === 'bdist_wheel') ?? files[0];
  const filename = typeof file?.filename === 'string' ? file.filename : undefined;
  const sha256 = typeof file?.digests?.sha256 === 'string' ? file.digests.sha256 : undefined;
  if (!filename || !sha256) {
    facts.provenance = { status: 'not-checked', reason: 'the release lists no file with a sha256 digest' };
    facts.unchecked.push({ check: 'provenance', reason: facts.provenance.reason ?? '' });
    return facts;
  }
  if (!ctx.trust) {
    facts.provenance = { status: 'not-checked', reason: 'no Sigstore trusted root available' };
    facts.unchecked.push({ check: 'provenance', reason: 'no Sigstore trusted root available' });
    return facts;
  }
  const prov = await ctx.http.get(`${ctx.base}/integrity/${encodeURIComponent(ref.name)}/${encodeURIComponent(version)}/${encodeURIComponent(filename)}/provenance`, { accept: 'application/vnd.pypi.integrity.v1+json' });
  if (!prov.ok) {
    if (prov.failure === 'not-found') facts.provenance = { status: 'absent', reason: `no trusted-publishing attestation for ${filename}` };
    else {
      facts.provenance = { status: 'not-checked', reason: prov.reason };
      facts.unchecked.push({ check: 'provenance', reason: prov.reason });
    }
    return facts;
  }
  facts.provenance = verifyPypiProvenance(prov.body, filename, sha256, ctx.trust);
  return facts;
}
