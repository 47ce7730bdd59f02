import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEndpoints } from '../../src/supplychain/endpoints.js';
import { RegistryHttp } from '../../src/supplychain/http.js';
import { ociRef } from '../../src/supplychain/launch-spec.js';
import { collectOciFacts, parseBearerChallenge } from '../../src/supplychain/oci.js';
import { startReplayServer, type ReplayServer } from '../helpers/registry-fixtures.js';

// Container registries are not reachable from our build machines: the fixtures are hand-written after
// the OCI distribution and token-auth specs (see test/fixtures/registry/README.md), not recorded.
let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer();
});
afterAll(async () => {
  await replay.close();
});

const ctx = () => ({ http: new RegistryHttp({ cacheDir: mkdtempSync(join(tmpdir(), 'warden-cache-')), offline: false }), endpoints: resolveEndpoints({ oci: `${replay.url}/oci` }, {}) });
const ref = (s: string) => {
  const r = ociRef(s, 'docker', 'args.3');
  if (!r) throw new Error(s);
  return r;
};

describe('collectOciFacts', () => {
  it('follows the bearer-token challenge and reads the digest the tag points at', async () => {
    const f = await collectOciFacts(ref('ghcr.io/github/github-mcp-server:latest'), ctx());
    expect(f.found).toBe(true);
    expect(f.resolvedDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(replay.requests.some((r) => r.startsWith('GET /oci/token?service=ghcr.io&scope=repository'))).toBe(true);
  });

  it('a pinned digest is looked up as is', async () => {
    const tagged = await collectOciFacts(ref('ghcr.io/github/github-mcp-server:latest'), ctx());
    const pinned = await collectOciFacts(ref(`ghcr.io/github/github-mcp-server@${tagged.resolvedDigest ?? ''}`), ctx());
    expect(pinned).toMatchObject({ found: true, resolvedVersion: tagged.resolvedDigest });
  });

  it('a registry without a fixture is not checked (never "clean")', async () => {
    const f = await collectOciFacts(ref('ghcr.io/someone/other:1'), ctx());
    expect(f.unchecked[0]?.check).toBe('registry');
  });
});

describe('parseBearerChallenge', () => {
  it('reads realm, service and scope', () => {
    expect(parseBearerChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"')).toEqual({ realm: 'https://ghcr.io/token', params: { service: 'ghcr.io', scope: 'repository:a/b:pull' } });
  });
  it('rejects other schemes and challenges without a realm', () => {
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseBearerChallenge('Bearer service="x"')).toBeUndefined();
  });
});

describe('manifest digests are computed from the bytes', () => {
  it('a Docker-Content-Digest header that disagrees with the manifest bytes is not trusted', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { fixtureKey } = await import('../helpers/registry-fixtures.js');
    const root = mkdtempSync(join(tmpdir(), 'warden-oci-'));
    mkdirSync(join(root, 'oci'));
    const body = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] };
    const lie = `sha256:${'1'.repeat(64)}`;
    writeFileSync(join(root, 'oci', `${fixtureKey('GET', '/v2/acme/img/manifests/1.0')}.json`), JSON.stringify({ origin: 'hand-written for this test', status: 200, headers: { 'docker-content-digest': lie }, body }));
    const server = await startReplayServer(root);
    try {
      const c = { http: new RegistryHttp({ cacheDir: mkdtempSync(join(tmpdir(), 'warden-cache-')), offline: false }), endpoints: resolveEndpoints({ oci: `${server.url}/oci` }, {}) };
      const f = await collectOciFacts(ref('ghcr.io/acme/img:1.0'), c);
      expect(f.resolvedDigest).toBeUndefined();
      expect(f.unchecked[0]).toMatchObject({ check: 'registry', reason: expect.stringContaining(`Docker-Content-Digest ${lie} does not match the manifest bytes`) });
    } finally {
      await server.close();
    }
  });
});
