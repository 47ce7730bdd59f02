// `scan --live` and `inspect` as a user runs them (the built CLI, a fixture home, real servers).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { GOOD_SERVER, RAW_SERVER } from '../helpers/fixtures.js';
import { CLI, claudeDesktopHome, runCli } from '../helpers/cli.js';
import { marker, processesWith } from '../helpers/processes.js';
import { startHttpFixture, type HttpFixture } from '../fixtures/servers/http-servers.js';
import { probeSandbox } from '../helpers/sandbox.js';

/** Where the OS sandbox cannot run (some CI containers), the Ctrl-C test runs its server unsandboxed. */
const sandboxed = (await probeSandbox()).ok;

const run = runCli;
const fixtureHome = claudeDesktopHome;

const good = { command: process.execPath, args: [GOOD_SERVER] };
const hang = { command: process.execPath, args: [RAW_SERVER, 'hang-before-init'] };

interface JsonReport {
  complete: boolean;
  servers: Array<{ name: string; tools?: number }>;
  errors: Array<{ kind: string; server?: string; message: string }>;
  findings: Array<{ ruleId: string }>;
  notes: string[];
}

describe('scan --live', () => {
  test('without consent nothing starts: exit 3, each server says how to consent', async () => {
    const home = fixtureHome({ good });
    const r = await run(['scan', '--home', home, '--live']);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/good \(claude-desktop\): not started: a local server runs only with consent; re-run with --allow-server "good" or --yes/);
    expect(r.stdout).toMatch(/INCOMPLETE/);
  });

  test('hostile servers among good ones: the good ones are scanned, each bad one is an error, exit 3', async () => {
    const home = fixtureHome({ good, crash: { command: process.execPath, args: [RAW_SERVER, 'crash-mid-handshake'] }, invalid: { command: process.execPath, args: [RAW_SERVER, 'invalid-schemas'] }, good2: good });
    const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--format', 'json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.complete).toBe(false);
    expect(report.servers.map((s) => [s.name, s.tools])).toEqual([
      ['good', 3],
      ['crash', undefined],
      ['invalid', 3],
      ['good2', 3],
    ]);
    expect(report.errors.map((e) => [e.server, e.kind])).toEqual([
      ['crash', 'connect'],
      ['invalid', 'protocol'],
      ['invalid', 'protocol'],
      ['invalid', 'protocol'],
      ['invalid', 'protocol'],
    ]);
    expect(report.notes.join('\n')).toMatch(/--no-sandbox: local servers ran WITHOUT OS isolation/);
  });

  test('every hostile case in one scan: each is its own error, the good servers are complete, exit 3, no process left', { timeout: 180_000 }, async () => {
    const token = marker();
    const raw = (mode: string) => ({ command: process.execPath, args: [RAW_SERVER, mode, token], env: { FIXTURE_MARKER: token } });
    const modes = ['hang-before-init', 'hang-after-init', 'crash-mid-handshake', 'garbage', 'invalid-schemas', 'paginate-forever', 'repeat-cursor', 'huge-response', 'many-tools', 'orphan', 'orphan-crash'];
    const httpHang = await startHttpFixture('hang');
    const httpHuge = await startHttpFixture('huge');
    const httpRedirect = await startHttpFixture('redirect', { redirectTo: 'http://127.0.0.2:9/mcp' });
    try {
      const home = fixtureHome({
        good,
        ...Object.fromEntries(modes.map((m) => [m, raw(m)])),
        'http-hang': { type: 'http', url: httpHang.url },
        'http-huge': { type: 'http', url: httpHuge.url },
        'http-redirect': { type: 'http', url: httpRedirect.url },
        good2: good,
      });
      // Short enough to keep the test quick, long enough for a loaded machine to start a good server.
      const limits = ['--connect-timeout', '8s', '--request-timeout', '4s', '--max-response-bytes', '1048576', '--max-pages', '20', '--max-items', '1000'];
      const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', ...limits, '--format', 'json']);
      expect(r.status).toBe(3);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(report.complete).toBe(false);
      const kinds = new Map<string, string[]>();
      for (const e of report.errors) kinds.set(e.server ?? '?', [...(kinds.get(e.server ?? '?') ?? []), e.kind]);
      expect(Object.fromEntries(kinds)).toEqual({
        'hang-before-init': ['timeout'],
        'hang-after-init': ['timeout'],
        'crash-mid-handshake': ['connect'],
        garbage: ['timeout'],
        'invalid-schemas': ['protocol', 'protocol', 'protocol', 'protocol'],
        'paginate-forever': ['limit'],
        'repeat-cursor': ['limit'],
        'huge-response': ['limit'],
        'many-tools': ['limit'],
        orphan: ['timeout'],
        'orphan-crash': ['connect'],
        'http-hang': ['timeout'],
        'http-huge': ['limit'],
        'http-redirect': ['connect'],
      });
      const tools = new Map(report.servers.map((s) => [s.name, s.tools]));
      expect([tools.get('good'), tools.get('good2')]).toEqual([3, 3]);
      expect(report.errors.find((e) => e.server === 'http-redirect')?.message).toMatch(/redirected \(HTTP 307\) to another host, http:\/\/127\.0\.0\.2:9\/mcp; not followed/);
      await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
    } finally {
      await Promise.all([httpHang.close(), httpHuge.close(), httpRedirect.close()]);
    }
  });

  test('a hanging server ends at the connect timeout with exit 3', async () => {
    const home = fixtureHome({ hang });
    const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--connect-timeout', '500ms', '--format', 'json']);
    expect(r.status).toBe(3);
    expect((JSON.parse(r.stdout) as JsonReport).errors.map((e) => e.message)).toEqual(['hang (claude-desktop): no MCP handshake within 500ms (connect timeout)']);
  });

  test('everything answers: exit 0, and --save-inventory writes the inventory (keeping the old file)', async () => {
    const home = fixtureHome({ good, other: { command: process.execPath, args: [RAW_SERVER, 'v20250618'] } });
    const inventory = join(home, 'inventory.json');
    writeFileSync(inventory, '{"servers":[]}\n');
    const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--save-inventory', inventory, '--format', 'json']);
    expect(r.status).toBe(0);
    const saved = JSON.parse(readFileSync(inventory, 'utf8')) as { servers: Array<{ name: string; instructions?: string; tools: Array<{ name: string }>; prompts?: unknown[]; resources?: unknown[] }> };
    expect(saved.servers.map((s) => [s.name, s.tools.map((t) => t.name)])).toEqual([
      ['good', ['read_file', 'list_dir', 'echo']],
      ['other', ['alpha', 'beta']],
    ]);
    expect(saved.servers[0]?.instructions).toBe('Use the fixture tools for testing only.');
    expect(saved.servers[0]?.prompts).toHaveLength(1);
    expect(saved.servers[1]?.prompts).toBeUndefined();
    expect(readFileSync(`${inventory}.bak`, 'utf8')).toBe('{"servers":[]}\n');
    expect((JSON.parse(r.stdout) as JsonReport).notes.join('\n')).toMatch(/inventory written to .*inventory\.json: 2 server\(s\); previous file kept as .*inventory\.json\.bak/);
  });

  test('--verbose shows the stderr of local servers', async () => {
    const home = fixtureHome({ crash: { command: process.execPath, args: [RAW_SERVER, 'crash-mid-handshake'] } });
    const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--verbose']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/--- stderr of crash \(claude-desktop\) as mcp-warden ---\nfatal: simulated crash during the handshake/);
  });

  test(`Ctrl-C stops at once: exit 3, no server process left behind (${sandboxed ? 'sandboxed' : 'unsandboxed: the sandbox cannot run here'})`, async () => {
    const token = marker();
    const home = fixtureHome({ orphan: { command: process.execPath, args: [RAW_SERVER, 'orphan'], env: { FIXTURE_MARKER: token } } });
    const child = spawn(process.execPath, [CLI, 'scan', '--home', home, '--live', '--yes', ...(sandboxed ? [] : ['--no-sandbox']), '--request-timeout', '10m'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await vi.waitFor(() => expect(processesWith(token)).toHaveLength(1), { timeout: 60_000, interval: 100 });
    child.kill('SIGINT');
    expect(await exited).toBe(3);
    expect(stderr).toMatch(/interrupted: stopping the servers it started; the scan is incomplete/);
    await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  test('usage errors exit 2: live flags without --live, an unscoped header in a scan', async () => {
    const home = fixtureHome({});
    const a = await run(['scan', '--home', home, '--save-inventory', join(home, 'x.json')]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--save-inventory only apply with --live/);
    const b = await run(['scan', '--home', home, '--live', '--header', 'Authorization: Bearer x']);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/must name its server in a scan/);
    expect(existsSync(join(home, 'x.json'))).toBe(false);
  });
});

describe('inspect', () => {
  let fixture: HttpFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  test('-- <command>: shows what the server advertises', async () => {
    const r = await run(['inspect', '--yes', '--no-sandbox', '--', process.execPath, GOOD_SERVER]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/fixture-good 1\.2\.3; protocol 2026-07-28/);
    expect(r.stdout).toMatch(/tools \(3\)\n {4}read_file {2}Read a file from the project\.\n {6}params: path\*/);
    expect(r.stdout).toMatch(/prompts \(1\)/);
    expect(r.stdout).toMatch(/resource templates \(1\)\n {4}file:\/\/\/\{path\}/);
  });

  test('-- <command> still needs consent without a terminal', async () => {
    const r = await run(['inspect', '--no-sandbox', '--', process.execPath, GOOD_SERVER]);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/not started: a local server runs only with consent/);
  });

  test('a discovered server by name, as JSON with the findings', async () => {
    const home = fixtureHome({ good, other: good });
    const r = await run(['inspect', 'good', '--home', home, '--allow-server', 'good', '--no-sandbox', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { snapshots: Array<{ name: string; tools: unknown[] }>; report: JsonReport };
    expect(out.snapshots.map((s) => [s.name, s.tools.length])).toEqual([['good', 3]]);
    expect(out.report.servers.map((s) => s.name)).toEqual(['good']);
  });

  test('an unknown server name is a usage error listing the known ones', async () => {
    const home = fixtureHome({ good });
    const r = await run(['inspect', 'nope', '--home', home]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no server named "nope" in the discovered configs\nhint: servers found: good/);
  });

  test('--url with --bearer-env, and the unauthenticated finding without it', async () => {
    fixture = await startHttpFixture('auth');
    const ok = await run(['inspect', '--url', fixture.url, '--bearer-env', 'FIXTURE_TOKEN', '--format', 'json'], { FIXTURE_TOKEN: 's3cret' });
    expect(ok.status).toBe(0);
    const denied = await run(['inspect', '--url', fixture.url]);
    expect(denied.status).toBe(3);
    expect(denied.stdout).toMatch(/requires authentication \(HTTP 401\)/);
    await fixture.close();
    fixture = await startHttpFixture('streamable');
    const open = await run(['inspect', '--url', fixture.url, '--format', 'json', '--fail-on', 'low']);
    expect(open.status).toBe(1);
    expect((JSON.parse(open.stdout) as { report: JsonReport }).report.findings.map((f) => f.ruleId)).toEqual(['live/unauthenticated-remote']);
  });
});
