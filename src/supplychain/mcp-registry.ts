/**
 * @module supplychain/mcp-registry
 * Looks up the MCP registry listing a package claims (`GET /v0/servers/{name}/versions/latest`) and
 * records what the listing says: which packages it ships as, its repository and its status.
 * @see https://github.com/modelcontextprotocol/registry/blob/main/docs/reference/api/generic-registry-api.md
 */
import type { ListingFacts } from './facts.js';
import type { RegistryHttp } from './http.js';
import { ociRef, normalizePypiName } from './launch-spec.js';
import { normalizeRepository } from './repository.js';

interface ListingResponse {
  server?: {
    name?: unknown;
    repository?: { url?: unknown } | null;
    packages?: Array<{ registryType?: unknown; registry_name?: unknown; identifier?: unknown; name?: unknown }> | null;
  };
  _meta?: Record<string, { status?: unknown } | undefined>;
}

/** `registryType:identifier` in the form vet names packages (`npm:@s/p`, `pypi:name`, `oci:docker.io/ns/img`). */
function packageKey(p: NonNullable<NonNullable<ListingResponse['server']>['packages']>[number]): string | undefined {
  const type = String(p.registryType ?? p.registry_name ?? '').toLowerCase();
  const id = typeof p.identifier === 'string' ? p.identifier : typeof p.name === 'string' ? p.name : undefined;
  if (!id) return undefined;
  if (type === 'pypi') return `pypi:${normalizePypiName(id)}`;
  if (type === 'oci' || type === 'docker') {
    const ref = ociRef(id, 'registry', 'listing');
    return ref ? `oci:${ref.name}` : `oci:${id}`;
  }
  return `${type}:${id}`;
}

/** Fills in the listing facts for a claim. Never throws; a failed lookup is `not-checked` with the reason. */
export async function checkListing(claim: ListingFacts, http: RegistryHttp, base: string): Promise<ListingFacts> {
  const res = await http.get<ListingResponse>(`${base}/v0/servers/${encodeURIComponent(claim.claimedName)}/versions/latest`);
  if (!res.ok) {
    if (res.failure === 'not-found') return { ...claim, status: 'not-listed' };
    return { ...claim, status: 'not-checked', reason: res.reason };
  }
  const server = res.body.server;
  if (!server || server.name !== claim.claimedName) return { ...claim, status: 'not-checked', reason: `${base} answered with another server (${String(server?.name)})` };
  const out: ListingFacts = { ...claim, status: 'listed', packages: (server.packages ?? []).map(packageKey).filter((k): k is string => k !== undefined) };
  const repo = normalizeRepository(server.repository?.url);
  if (repo) out.repository = repo;
  const status = res.body._meta?.['io.modelcontextprotocol.registry/official']?.status;
  if (typeof status === 'string') out.listingStatus = status;
  return out;
}
