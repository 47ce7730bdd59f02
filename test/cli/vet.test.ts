import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/index.js';
import { FIXTURE_ROOT, startReplayServer, type ReplayServer } from '../helpers/registry-fixtures.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const DEMO = join(import.meta.dirname, '..', '..', 'examples', 'vet-demo.json');
const TRUST = join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json');

/** Async spawn: the replay server lives in this process and must keep answering while the CLI runs. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', HOME: mkdtempSync(join(tmpdir(), 'warden-home-')), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer();
});
afterAll(async () => {
  await replay.close();
});

const registryFlags = () => ['--npm-registry', `${replay.url}/npm`, '--pypi-url', `${replay.url}/pypi`, '--oci-registry', `${replay.url}/oci`, '--mcp-registry', `${replay.url}/mcp-registry`, '--github-api-url', `${replay.url}/github`, '--trusted-root', TRUST];

describe('mcp-warden vet', () => {
  it('exits 1 on the demo config and explains every planted problem (json)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'warden-cache-'));
    const r = await run(['vet', '--config', DEMO, '--format', 'json', '--cache-dir', cache, ...registryFlags()]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(report.command).toBe('vet');
    const ids = new Set(report.findings.map((f) => f.ruleId));
    for (const id of ['supplychain/known-malicious-package', 'supplychain/install-scripts', 'supplychain/floating-version', 'supplychain/typosquat']) expect(ids).toContain(id);
    expect(report.packages?.find((p) => p.server === 'everything')?.provenance).toBe('verified');
    for (const f of report.findings) expect(f.attack.some((a) => a.startsWith('T1195.'))).toBe(true);
  });

  it('table output says VERIFIED and names the hosts contacted', async () => {
    const r = await run(['vet', '--config', DEMO, '--cache-dir', mkdtempSync(join(tmpdir(), 'warden-cache-')), ...registryFlags()]);
    expect(r.stdout).toMatch(/everything: npm @modelcontextprotocol\/server-everything: pinned .*provenance VERIFIED \(Sigstore\): built from github\.com\/modelcontextprotocol\/servers/);
    expect(r.stdout).toContain(`vet network: contacted ${new URL(replay.url).host}`);
  });

  it('registry URLs can come from the environment', async () => {
    const r = await run(['vet', '--config', DEMO, '--format', 'json', '--offline', '--cache-dir', mkdtempSync(join(tmpdir(), 'warden-cache-'))], { MCP_WARDEN_NPM_REGISTRY: `${replay.url}/npm` });
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(report.errors.some((e) => e.message.includes('not in the cache (--offline)') && e.message.includes(new URL(replay.url).host))).toBe(true);
  });

  it('exits 2 with file and line for a malformed --ioc feed', async () => {
    const feed = join(mkdtempSync(join(tmpdir(), 'warden-ioc-')), 'feed.json');
    writeFileSync(feed, '{\n  "version": 2,\n  "entries": []\n}\n');
    const r = await run(['vet', '--config', DEMO, '--ioc', feed, '--offline']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${feed}:2: invalid IoC feed at version`);
  });

  it('exits 2 for a bad registry URL and a bad --trusted-root', async () => {
    expect((await run(['vet', '--config', DEMO, '--npm-registry', 'ftp://x'])).stderr).toMatch(/must be http or https/);
    const r = await run(['vet', '--config', DEMO, '--trusted-root', '/nonexistent/root.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/nonexistent/root.json');
  });

  it('scan --vet --offline adds vet to the static scan without a request', async () => {
    const before = replay.requests.length;
    const r = await run(['scan', '--config', DEMO, '--vet', '--offline', '--format', 'json']);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(report.findings.some((f) => f.ruleId === 'supplychain/typosquat')).toBe(true);
    expect(report.notes[0]).toMatch(/^vet network: none \(--offline\)/);
    expect(replay.requests.length).toBe(before);
  });
});
