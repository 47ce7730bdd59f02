/**
 * @module supplychain/oci
 * Container image facts through the OCI distribution API: does the reference exist, and which digest
 * does the tag point at today (`GET /v2/<name>/manifests/<reference>`, `Docker-Content-Digest`).
 * Registries that want a bearer token answer 401 with a `WWW-Authenticate: Bearer realm=…` challenge;
 * vet fetches an anonymous pull token from that realm and retries once.
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 * @see https://distribution.github.io/distribution/spec/auth/token/
 */
import { createHash } from 'node:crypto';
import { ociBase, type RegistryEndpoints } from './endpoints.js';
import { emptyFacts, type PackageFacts } from './facts.js';
import { challengeOf, type HttpResult, type RegistryHttp } from './http.js';
import type { PackageRef } from './package-ref.js';

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface OciContext {
  http: RegistryHttp;
  endpoints: RegistryEndpoints;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values, commas inside quotes allowed). */
export function parseBearerChallenge(header: string): { realm: string; params: Record<string, string> } | undefined {
  const m = /^\s*Bearer\s+(.{1,4000})$/i.exec(header);
  if (!m || m[1] === undefined) return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]{1,40})="([^"]{0,2000})"/g;
  for (let p = re.exec(m[1]); p !== null; p = re.exec(m[1])) if (p[1] !== undefined && p[2] !== undefined) params[p[1].toLowerCase()] = p[2];
  const realm = params['realm'];
  if (!realm) return undefined;
  delete params['realm'];
  return { realm, params };
}

async function withToken(ctx: OciContext, url: string, first: HttpResult<Buffer>): Promise<HttpResult<Buffer>> {
  const challenge = challengeOf(first);
  const parsed = challenge ? parseBearerChallenge(challenge) : undefined;
  if (!parsed) return first;
  let realm: URL;
  try {
    realm = new URL(parsed.realm);
  } catch {
    return first;
  }
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:') return first;
  for (const [k, v] of Object.entries(parsed.params)) realm.searchParams.set(k, v);
  const tok = await ctx.http.get<{ token?: unknown; access_token?: unknown }>(realm.toString());
  if (!tok.ok) return first;
  const token = typeof tok.body.token === 'string' ? tok.body.token : typeof tok.body.access_token === 'string' ? tok.body.access_token : undefined;
  if (!token) return first;
  return ctx.http.get<Buffer>(url, { accept: MANIFEST_ACCEPT, as: 'buffer', headers: { authorization: `Bearer ${token}` } });
}

async function manifestDigest(ctx: OciContext, base: string, repository: string, reference: string): Promise<HttpResult<string>> {
  const url = `${base}/v2/${repository}/manifests/${encodeURIComponent(reference)}`;
  let res = await ctx.http.get<Buffer>(url, { accept: MANIFEST_ACCEPT, as: 'buffer' });
  if (!res.ok && res.failure === 'unauthorized') res = await withToken(ctx, url, res);
  if (!res.ok) return res;
  // The digest is the hash of the manifest bytes (OCI distribution spec); the header only claims it.
  // A registry (or a cache, or anything in between) whose claim disagrees with the bytes is not trusted.
  const digest = `sha256:${createHash('sha256').update(new Uint8Array(res.body)).digest('hex')}`;
  const claimed = res.headers['docker-content-digest'];
  if (claimed !== undefined && claimed !== digest) return { ok: false, failure: 'invalid', reason: `${url}: Docker-Content-Digest ${claimed} does not match the manifest bytes (${digest})` };
  return { ...res, body: digest };
}

export async function collectOciFacts(ref: PackageRef, ctx: OciContext): Promise<PackageFacts> {
  const facts = emptyFacts(ref);
  const image = ref.image;
  if (!image) return facts;
  const base = ociBase(ctx.endpoints, image.registry);
  facts.registry = new URL(base).host;
  const tag = image.tag ?? (image.digest ? undefined : 'latest');
  if (tag !== undefined) {
    const r = await manifestDigest(ctx, base, image.repository, tag);
    if (!r.ok) {
      if (r.failure === 'not-found') facts.found = false;
      else facts.unchecked.push({ check: 'registry', reason: r.reason });
      return facts;
    }
    facts.resolvedDigest = r.body;
    facts.latestVersion = r.body;
  }
  if (image.digest !== undefined) {
    const r = await manifestDigest(ctx, base, image.repository, image.digest);
    if (!r.ok) {
      if (r.failure === 'not-found') facts.found = false;
      else facts.unchecked.push({ check: 'registry', reason: r.reason });
      return facts;
    }
  }
  facts.resolvedVersion = image.digest ?? facts.resolvedDigest ?? tag ?? '';
  return facts;
}
