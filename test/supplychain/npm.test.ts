import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryHttp } from '../../src/supplychain/http.js';
import { npmRef } from '../../src/supplychain/launch-spec.js';
import { collectNpmFacts, factsFromPackument, npmPackagePath, type Packument } from '../../src/supplychain/npm.js';
import { trustRootFromFile } from '../../src/supplychain/trust-root.js';
import { FIXTURE_ROOT, startReplayServer, type ReplayServer } from '../helpers/registry-fixtures.js';

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer();
});
afterAll(async () => {
  await replay.close();
});

const trust = trustRootFromFile(join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json'));
const ref = (spec: string) => {
  const r = npmRef(spec, 'npx', 'args.1');
  if (!r) throw new Error(`bad spec ${spec}`);
  return r;
};
const ctx = (offline = false, cacheDir = mkdtempSync(join(tmpdir(), 'warden-cache-'))) => ({ http: new RegistryHttp({ cacheDir, offline }), registry: `${replay.url}/npm`, trust });

describe('collectNpmFacts on recorded responses', () => {
  it('resolves a floating spec to the latest version and verifies its provenance', async () => {
    const f = await collectNpmFacts(ref('@modelcontextprotocol/server-everything'), ctx());
    expect(f).toMatchObject({
      found: true,
      resolvedVersion: '2026.8.31',
      latestVersion: '2026.8.31',
      publishedAt: '2026-09-02T05:06:16+00:00',
      previousVersion: '2026.8.18',
      repository: 'github.com/modelcontextprotocol/servers',
      provenance: { status: 'verified', repository: 'github.com/modelcontextprotocol/servers' },
      listing: { claimedName: 'io.github.modelcontextprotocol/server-everything', status: 'not-checked' },
    });
  });

  it('a pinned older version resolves to itself; its provenance is absent in the recorded data', async () => {
    const f = await collectNpmFacts(ref('@modelcontextprotocol/server-everything@2026.8.18'), ctx());
    expect(f.resolvedVersion).toBe('2026.8.18');
    expect(f.provenance.status).toBe('not-checked');
  });

  it('reads install scripts of the version npx would run', async () => {
    const f = await collectNpmFacts(ref('@wonderwhy-er/desktop-commander'), ctx());
    expect(f.installScripts?.['postinstall']).toMatch(/track-installation/);
    expect(f.resolvedVersion).toBe(f.latestVersion);
  });

  it('an unpublished package is not found (recorded 404)', async () => {
    const f = await collectNpmFacts(ref('postmark-mcp@1.0.16'), ctx());
    expect(f.found).toBe(false);
  });

  it('a mirror that strips maintainers leaves that check unchecked, with the reason', async () => {
    const f = await collectNpmFacts(ref('@modelcontextprotocol/server-filesystem'), ctx());
    expect(f.unchecked.map((u) => u.check)).toContain('maintainers');
  });

  it('--offline answers from the cache of an earlier run and opens no socket', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'warden-cache-'));
    await collectNpmFacts(ref('@wonderwhy-er/desktop-commander'), ctx(false, cacheDir));
    const before = replay.requests.length;
    const offline = ctx(true, cacheDir);
    const f = await collectNpmFacts(ref('@wonderwhy-er/desktop-commander'), offline);
    expect(replay.requests.length).toBe(before);
    expect(f.installScripts).toBeDefined();
    expect(offline.http.hosts()).toEqual([{ host: new URL(replay.url).host, network: 0, cached: 1 }]);
    const miss = await collectNpmFacts(ref('@modelcontextprotocol/server-everything'), ctx(true, cacheDir));
    expect(miss.unchecked[0]).toMatchObject({ check: 'registry', reason: expect.stringMatching(/not in the cache \(--offline\)/) });
  });

  it('an unreachable registry is unchecked, not clean', async () => {
    const f = await collectNpmFacts(ref('x'), { http: new RegistryHttp({ cacheDir: mkdtempSync(join(tmpdir(), 'warden-cache-')), offline: false, timeoutMs: 2000 }), registry: 'http://127.0.0.1:1', trust });
    expect(f.unchecked[0]?.check).toBe('registry');
  });
});

describe('factsFromPackument (hand-written packument in the documented registry format)', () => {
  // The recorded responses come from a mirror without maintainers/_npmUser; this packument follows
  // https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md to test those fields.
  const packument: Packument = {
    name: 'mail-mcp',
    'dist-tags': { latest: '1.0.2' },
    time: { '1.0.0': '2025-01-01T00:00:00Z', '1.0.1': '2025-02-01T00:00:00Z', '1.0.2': '2025-09-17T00:00:00Z' },
    versions: {
      '1.0.0': { name: 'mail-mcp', version: '1.0.0', maintainers: [{ name: 'alice' }], _npmUser: { name: 'alice' }, repository: { type: 'git', url: 'git+https://github.com/alice/mail-mcp.git' } },
      '1.0.1': { name: 'mail-mcp', version: '1.0.1', maintainers: [{ name: 'alice' }], _npmUser: { name: 'alice' } },
      '1.0.2': { name: 'mail-mcp', version: '1.0.2', maintainers: [{ name: 'mallory' }], _npmUser: { name: 'mallory' }, gypfile: true, deprecated: 'use other' },
    },
  };

  it('compares maintainers and publishers with the previous version', () => {
    const f = factsFromPackument(ref('mail-mcp'), packument, 'registry.npmjs.org');
    expect(f).toMatchObject({ resolvedVersion: '1.0.2', previousVersion: '1.0.1', maintainers: ['mallory'], previousMaintainers: ['alice'], publisher: 'mallory', earlierPublishers: ['alice'], deprecated: 'use other' });
    expect(f.installScripts).toEqual({ install: 'node-gyp rebuild (implicit: binding.gyp)' });
    expect(f.repository).toBeUndefined();
  });

  it('ranges resolve like npm (highest non-deprecated match), unknown versions are not found', () => {
    expect(factsFromPackument(ref('mail-mcp@~1.0.0'), packument, 'r').resolvedVersion).toBe('1.0.1');
    expect(factsFromPackument(ref('mail-mcp@1.0.0'), packument, 'r').repository).toBe('github.com/alice/mail-mcp');
    expect(factsFromPackument(ref('mail-mcp@9.9.9'), packument, 'r').found).toBe(false);
  });

  it('escapes scoped names like the registry', () => {
    expect(npmPackagePath('@s/p')).toBe('@s%2Fp');
  });
});
