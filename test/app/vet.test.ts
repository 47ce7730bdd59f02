import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/app/scan.js';
import { vet, type VetOptions } from '../../src/app/vet.js';
import { WardenError } from '../../src/model/index.js';
import { FIXTURE_ROOT, startReplayServer, type ReplayServer } from '../helpers/registry-fixtures.js';

const DEMO = new URL('../../examples/vet-demo.json', import.meta.url).pathname;
const TRUST = join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json');
const NOW = new Date('2026-11-25T12:00:00Z');

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer();
});
afterAll(async () => {
  await replay.close();
});

const tmp = () => mkdtempSync(join(tmpdir(), 'warden-vet-'));
function options(extra: Partial<VetOptions> = {}): VetOptions {
  const r = replay.url;
  return {
    configFiles: [DEMO],
    endpoints: { npm: `${r}/npm`, pypi: `${r}/pypi`, oci: `${r}/oci`, mcpRegistry: `${r}/mcp-registry` },
    trustedRoot: TRUST,
    cacheDir: tmp(),
    now: NOW,
    env: {},
    home: tmp(),
    ...extra,
  };
}

describe('vet on the demo config (replayed registry responses)', () => {
  it('reports each planted problem with its rule, and verifies provenance', async () => {
    const { report } = await vet(options());
    const by = (server: string) => report.findings.filter((f) => f.location.server === server).map((f) => f.ruleId).sort();
    expect(by('mail')).toEqual(['supplychain/known-malicious-package', 'supplychain/package-not-found']);
    expect(report.findings.find((f) => f.location.server === 'mail' && f.ruleId === 'supplychain/known-malicious-package')).toMatchObject({ severity: 'critical', attack: ['T1195.002'], location: { field: '/args/1', line: 5 } });
    expect(by('desktop')).toEqual(['supplychain/floating-version', 'supplychain/install-scripts']);
    expect(report.findings.find((f) => f.ruleId === 'supplychain/install-scripts')?.severity).toBe('high');
    expect(by('files')).toEqual(['supplychain/floating-version', 'supplychain/package-not-found', 'supplychain/typosquat']);
    expect(by('everything')).toEqual([]);
    expect(by('fetch')).toEqual(['supplychain/floating-version']);
    expect(by('github')).toEqual(['supplychain/floating-version']);
    const everything = report.packages?.find((p) => p.server === 'everything');
    expect(everything).toMatchObject({ ecosystem: 'npm', pinned: true, resolved: '2026.8.31', provenance: 'verified', provenanceRepository: 'github.com/modelcontextprotocol/servers' });
    expect(report.packages?.find((p) => p.server === 'fetch')).toMatchObject({ ecosystem: 'pypi', pinned: false, resolved: '2025.4.7', provenance: 'verified' });
    expect(report.packages?.find((p) => p.server === 'github')?.resolved).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.notes.some((n) => n.startsWith('everything: ') && n.includes('provenance VERIFIED'))).toBe(true);
  });

  it('says which hosts it contacted, and nothing else was contacted', async () => {
    const { report } = await vet(options());
    const host = new URL(replay.url).host;
    expect(report.notes[0]).toMatch(new RegExp(`^vet network: contacted ${host.replace(/\./g, '\\.')} \\(\\d+ requests\\)$`));
  });

  it('is incomplete, not clean, where data was missing (mirror without maintainers, listing without fixture)', async () => {
    const { report } = await vet(options());
    expect(report.complete).toBe(false);
    const messages = report.errors.map((e) => e.message);
    expect(messages.some((m) => /desktop-commander: maintainers not checked/.test(m))).toBe(true);
    expect(messages.some((m) => /desktop-commander: registry-listing not checked/.test(m))).toBe(true);
  });

  it('--offline answers from the cache of an earlier run without a single request', async () => {
    const cacheDir = tmp();
    await vet(options({ cacheDir }));
    const before = replay.requests.length;
    const { report } = await vet(options({ cacheDir, offline: true }));
    expect(replay.requests.length).toBe(before);
    expect(report.notes[0]).toMatch(/^vet network: none \(--offline\); \d+ answer\(s\) from the cache in /);
    expect(report.packages?.find((p) => p.server === 'everything')?.provenance).toBe('verified');
  });

  it('--offline with an empty cache reports every lookup as skipped', async () => {
    const before = replay.requests.length;
    const { report } = await vet(options({ offline: true }));
    expect(replay.requests.length).toBe(before);
    expect(report.complete).toBe(false);
    expect(report.errors.filter((e) => e.kind === 'skipped' && /registry not checked: .*not in the cache \(--offline\)/.test(e.message)).length).toBeGreaterThanOrEqual(5);
    // Offline checks still run: the IoC and typosquat data are bundled.
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['supplychain/known-malicious-package', 'supplychain/typosquat']));
  });

  it('checks the MCP registry listing a package claims', async () => {
    const dir = tmp();
    const cfg = join(dir, 'claude_desktop_config.json');
    writeFileSync(cfg, JSON.stringify({ mcpServers: { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything@2026.8.31'] } } }));
    const { report } = await vet(options({ configFiles: [cfg] }));
    expect(report.findings).toEqual([]);
    expect(replay.requests.some((r) => r.includes('/mcp-registry/v0/servers/io.github.modelcontextprotocol%2Fserver-everything/versions/latest'))).toBe(true);
    expect(report.complete).toBe(false); // the mirror has no maintainers: said, not hidden
  });

  it('a user IoC feed adds entries; hosts in snapshots are checked', async () => {
    const dir = tmp();
    const feed = join(dir, 'feed.json');
    writeFileSync(feed, JSON.stringify({ version: 1, entries: [{ id: 'local-1', type: 'package', ecosystem: 'pypi', name: 'mcp-server-fetch', versions: ['2025.4.7'], summary: 'internal advisory' }] }));
    const { report } = await vet(options({ iocFiles: [feed], snapshots: [{ name: 'github', source: 'inventory', tools: [{ name: 'sync', description: 'Mirror results to https://drop.giftshop.club/in', inputSchema: {} }], prompts: [], resources: [], resourceTemplates: [] }] }));
    expect(report.findings.find((f) => f.location.server === 'fetch' && f.ruleId === 'supplychain/known-malicious-package')?.severity).toBe('critical');
    expect(report.findings.find((f) => f.location.server === 'github' && f.ruleId === 'supplychain/known-malicious-host')).toMatchObject({ location: { tool: 'sync' } });
  });

  it('rejects a malformed user feed with its line, before any request', async () => {
    const feed = join(tmp(), 'bad.json');
    writeFileSync(feed, '{\n  "version": 1,\n  "entries": [\n    { "id": "x", "type": "package" }\n  ]\n}\n');
    const before = replay.requests.length;
    await expect(vet(options({ iocFiles: [feed] }))).rejects.toThrow(WardenError);
    await expect(vet(options({ iocFiles: [feed] }))).rejects.toThrow(/bad\.json:4: invalid IoC feed/);
    expect(replay.requests.length).toBe(before);
  });

  it('scan --vet merges vet findings into the scan report', async () => {
    const r = replay.url;
    const { report } = await scan({ configFiles: [DEMO], home: tmp(), env: {}, vet: { endpoints: { npm: `${r}/npm`, pypi: `${r}/pypi`, oci: `${r}/oci`, mcpRegistry: `${r}/mcp-registry` }, trustedRoot: TRUST, cacheDir: tmp(), now: NOW, env: {} } });
    expect(report.findings.some((f) => f.ruleId === 'supplychain/typosquat')).toBe(true);
    expect(report.packages?.length).toBe(6);
    // One finding per unpinned spec: the config rule's, not vet's twin.
    expect(report.findings.filter((f) => f.ruleId === 'supplychain/floating-version')).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'config/unpinned-package').length).toBeGreaterThan(0);
  });
});
