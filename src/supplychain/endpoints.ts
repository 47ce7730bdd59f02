/**
 * @module supplychain/endpoints
 * Base URLs of every registry `vet` may contact. All are configurable (flags or environment) so a
 * mirror, a private registry, or the tests' loopback replay server can stand in for the public one.
 */

export interface RegistryEndpoints {
  /** npm registry (packuments, version manifests, attestations). */
  npm: string;
  /** PyPI (JSON API and the PEP 740 integrity API). */
  pypi: string;
  /** MCP registry (server listings, `GET /v0/servers/{name}/versions/latest`). */
  mcpRegistry: string;
  /** GitHub REST API (repository tags, for the version-vs-tags check). */
  github: string;
  /**
   * OCI distribution API base for every image registry, when set (tests, a pull-through mirror).
   * When unset each image's own registry is used (`docker.io` → registry-1.docker.io).
   */
  oci?: string;
}

export const DEFAULT_ENDPOINTS: RegistryEndpoints = {
  npm: 'https://registry.npmjs.org',
  pypi: 'https://pypi.org',
  mcpRegistry: 'https://registry.modelcontextprotocol.io',
  github: 'https://api.github.com',
};

/** Environment variables that override the defaults (flags override these). */
export const ENDPOINT_ENV = {
  npm: 'MCP_WARDEN_NPM_REGISTRY',
  pypi: 'MCP_WARDEN_PYPI_URL',
  mcpRegistry: 'MCP_WARDEN_MCP_REGISTRY',
  github: 'MCP_WARDEN_GITHUB_API_URL',
  oci: 'MCP_WARDEN_OCI_REGISTRY',
} as const satisfies Record<keyof RegistryEndpoints, string>;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Defaults, then environment, then explicit values; every URL must be http(s). */
export function resolveEndpoints(
  explicit: Partial<RegistryEndpoints> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): RegistryEndpoints {
  const out: RegistryEndpoints = { ...DEFAULT_ENDPOINTS };
  for (const key of Object.keys(ENDPOINT_ENV) as Array<keyof RegistryEndpoints>) {
    const v = explicit[key] ?? env[ENDPOINT_ENV[key]];
    if (v === undefined || v === '') continue;
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new Error(`${key} registry URL "${v}" is not a URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`${key} registry URL "${v}" must be http or https`);
    out[key] = trimSlash(v);
  }
  return out;
}

/** Distribution API base for an image registry host. */
export function ociBase(endpoints: RegistryEndpoints, registry: string): string {
  if (endpoints.oci) return endpoints.oci;
  if (registry === 'docker.io') return 'https://registry-1.docker.io';
  return `${registry.startsWith('localhost') || registry.startsWith('127.') ? 'http' : 'https'}://${registry}`;
}
