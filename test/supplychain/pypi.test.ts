import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryHttp } from '../../src/supplychain/http.js';
import { pypiRef } from '../../src/supplychain/launch-spec.js';
import { collectPypiFacts, factsFromPypiProject, mcpNameMarker, type PypiProject } from '../../src/supplychain/pypi.js';
import { bundledTrustRoot, trustRootFromFile } from '../../src/supplychain/trust-root.js';
import { FIXTURE_ROOT, startReplayServer, type ReplayServer } from '../helpers/registry-fixtures.js';

// PyPI is not reachable from our build machines: these fixtures are hand-written after the documented
// JSON and integrity APIs (see test/fixtures/registry/README.md), not recorded.
let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer();
});
afterAll(async () => {
  await replay.close();
});

const ref = (spec: string) => {
  const r = pypiRef(spec, 'uvx', 'args.0');
  if (!r) throw new Error(spec);
  return r;
};
const ctx = (trust = trustRootFromFile(join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json'))) => ({ http: new RegistryHttp({ cacheDir: mkdtempSync(join(tmpdir(), 'warden-cache-')), offline: false }), base: `${replay.url}/pypi`, trust });

describe('collectPypiFacts', () => {
  it('resolves the newest release, reads its upload time and source, verifies its PEP 740 attestation', async () => {
    const f = await collectPypiFacts(ref('mcp-server-fetch'), ctx());
    expect(f).toMatchObject({ found: true, resolvedVersion: '2025.4.7', latestVersion: '2025.4.7', previousVersion: '2025.4.6', publishedAt: '2025-04-07T10:00:00.000000Z', repository: 'github.com/modelcontextprotocol/servers', provenance: { status: 'verified', repository: 'github.com/modelcontextprotocol/servers' } });
    expect(f.installScripts).toBeUndefined();
  });

  it('the same attestation fails against the public-good root', async () => {
    expect((await collectPypiFacts(ref('mcp-server-fetch'), ctx(bundledTrustRoot()))).provenance.status).toBe('invalid');
  });

  it('an older pinned release without an attestation fixture is not checked, not absent', async () => {
    const f = await collectPypiFacts(ref('mcp-server-fetch==2025.4.6'), ctx());
    expect(f.resolvedVersion).toBe('2025.4.6');
    expect(f.provenance.status).toBe('not-checked');
    expect(f.unchecked.map((u) => u.check)).toContain('provenance');
  });

  it('a version that does not exist is not found; a range is flagged as not evaluated', async () => {
    expect((await collectPypiFacts(ref('mcp-server-fetch==9.9'), ctx())).found).toBe(false);
    const ranged = await collectPypiFacts(ref('mcp-server-fetch>=2025'), ctx());
    expect(ranged.unchecked.map((u) => u.check)).toContain('resolution');
  });
});

describe('factsFromPypiProject (documented JSON API shape)', () => {
  const project: PypiProject = {
    info: { name: 'demo-mcp', version: '1.1', project_urls: { Homepage: 'https://demo.example', 'Source Code': 'https://github.com/acme/demo-mcp' }, description: 'A server.\n<!-- mcp-name: io.github.acme/demo-mcp -->' },
    releases: {
      '1.0': [{ filename: 'demo_mcp-1.0.tar.gz', packagetype: 'sdist', upload_time_iso_8601: '2025-01-01T00:00:00Z', yanked: true, yanked_reason: 'leaked a token', digests: { sha256: 'aa' } }],
      '1.1': [{ filename: 'demo_mcp-1.1-py3-none-any.whl', packagetype: 'bdist_wheel', upload_time_iso_8601: '2025-02-01T00:00:00Z', yanked: false, digests: { sha256: 'bb' } }],
    },
  };
  it('reports yanked releases with the reason, sdist-only installs, the source URL and the mcp-name claim', () => {
    const f = factsFromPypiProject(ref('demo-mcp==1.0'), project, 'pypi.org');
    expect(f).toMatchObject({ resolvedVersion: '1.0', yanked: { reason: 'leaked a token' }, repository: 'github.com/acme/demo-mcp', listing: { claimedName: 'io.github.acme/demo-mcp', status: 'not-checked' } });
    expect(Object.keys(f.installScripts ?? {})).toEqual(['sdist build']);
    expect(factsFromPypiProject(ref('demo-mcp'), project, 'pypi.org').yanked).toBeUndefined();
  });
  it('finds mcp-name markers only in the documented form', () => {
    expect(mcpNameMarker('mcp-name: io.github.a/b')).toBe('io.github.a/b');
    expect(mcpNameMarker('no marker here')).toBeUndefined();
    expect(mcpNameMarker(42)).toBeUndefined();
  });
});
