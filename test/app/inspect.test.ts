// The live-inspection use-case: consent paths, placeholders, several servers with failures in
// between, client-identity bait-and-switch, unauthenticated remotes. Sandbox off here (the sandbox
// has its own tests); consent decides whether a process starts at all.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { carriesCredentials, diffTools, inspectLive, type LiveOptions } from '../../src/app/inspect.js';
import type { LaunchDescription } from '../../src/mcp/consent.js';
import { serverEntry, type ServerEntry, type ServerEntryInput } from '../../src/model/index.js';
import { GOOD_SERVER, RAW_SERVER } from '../helpers/fixtures.js';
import { startHttpFixture, type HttpFixture } from '../fixtures/servers/http-servers.js';

function home(): string {
  const h = mkdtempSync(join(tmpdir(), 'warden-app-home-'));
  mkdirSync(join(h, '.ssh'));
  return h;
}

function stdio(name: string, args: string[], extra: Partial<ServerEntryInput> = {}): ServerEntry {
  return serverEntry({ name, client: 'test', scope: 'user', configFile: '/cfg/test.json', line: 3, transport: 'stdio', command: process.execPath, args, ...extra });
}

/** A server that, if started, plants a key in the fixture home: proof that it ran. */
const planter = (name = 'planter') => stdio(name, [RAW_SERVER, 'escape']);

function opts(h: string, over: Partial<LiveOptions> = {}): LiveOptions {
  return { home: h, env: { PATH: process.env['PATH'] ?? '' }, consent: { yes: false, allowServers: [] }, sandbox: { enabled: false }, ...over };
}

const planted = (h: string) => existsSync(join(h, '.ssh', 'authorized_keys'));

describe('consent', () => {
  test('without a terminal and without --yes or --allow-server, nothing starts and the scan is incomplete', async () => {
    const h = home();
    const out = await inspectLive([planter()], opts(h));
    expect(planted(h)).toBe(false);
    expect(out.snapshots).toEqual([]);
    expect(out.errors.map((e) => [e.kind, e.server])).toEqual([['skipped', 'planter']]);
    expect(out.errors[0]?.message).toMatch(/not started: a local server runs only with consent; re-run with --allow-server "planter" or --yes/);
  });

  test('--allow-server starts only the named server', async () => {
    const h = home();
    const out = await inspectLive([planter('a'), stdio('b', [GOOD_SERVER])], opts(h, { consent: { yes: false, allowServers: ['a'] } }));
    expect(planted(h)).toBe(true);
    expect(out.snapshots.map((s) => s.name)).toEqual(['a']);
    expect(out.errors.map((e) => [e.kind, e.server])).toEqual([['skipped', 'b']]);
  });

  test('--yes starts every server', async () => {
    const out = await inspectLive([stdio('a', [GOOD_SERVER]), stdio('b', [GOOD_SERVER])], opts(home(), { consent: { yes: true, allowServers: [] } }));
    expect(out.snapshots.map((s) => s.name)).toEqual(['a', 'b']);
    expect(out.errors).toEqual([]);
  });

  test('the prompt shows command, args, cwd and env names without values; "no" means not started', async () => {
    const h = home();
    const asked: Array<{ text: string; launch: LaunchDescription }> = [];
    const entry = stdio('planter', [RAW_SERVER, 'escape', '--token=ghp_abcdefghijklmnopqrstuvwxyz0123456789'], { env: { API_KEY: 'super-secret-value' } });
    const out = await inspectLive([entry], opts(h, { consent: { yes: false, allowServers: [], prompt: async (text, launch) => (asked.push({ text, launch }), false) } }));
    expect(planted(h)).toBe(false);
    expect(out.errors[0]?.message).toMatch(/declined at the consent prompt/);
    const { text, launch } = asked[0] ?? { text: '', launch: undefined };
    expect(text).toContain(`command: ${process.execPath}`);
    expect(text).toContain(RAW_SERVER);
    expect(text).toMatch(/cwd: +\/.*mcp-warden-live-/);
    expect(text).toMatch(/env: .*API_KEY=<redacted>/);
    expect(text).not.toContain('super-secret-value');
    expect(text).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).toMatch(/sandbox: OFF \(--no-sandbox\)/);
    expect(launch?.envNames).toEqual(expect.arrayContaining(['API_KEY', 'HOME', 'PATH']));
  });

  test('"yes" at the prompt starts it', async () => {
    const h = home();
    const out = await inspectLive([planter()], opts(h, { consent: { yes: false, allowServers: [], prompt: async () => true } }));
    expect(planted(h)).toBe(true);
    expect(out.errors).toEqual([]);
  });
});

describe('a scan with failures in between', () => {
  test('every server is tried, each failure is its own error, the good ones are complete', async () => {
    const entries = [stdio('first', [GOOD_SERVER]), stdio('crashes', [RAW_SERVER, 'crash-mid-handshake']), stdio('missing', [], { command: 'no-such-mcp-binary' }), stdio('last', [RAW_SERVER, 'v20250618'])];
    const out = await inspectLive(entries, opts(home(), { consent: { yes: true, allowServers: [] } }));
    expect(out.snapshots.map((s) => [s.name, s.tools.length])).toEqual([
      ['first', 3],
      ['last', 2],
    ]);
    expect([...out.completeServers].sort()).toEqual(['first', 'last']);
    expect(out.errors.map((e) => [e.server, e.kind])).toEqual([
      ['crashes', 'connect'],
      ['missing', 'connect'],
    ]);
    expect(out.errors[1]?.message).toBe('missing (test): command not found: no-such-mcp-binary');
    expect(out.errors[0]?.source).toBe('/cfg/test.json');
    expect(out.errors[0]?.line).toBe(3);
  });

  test('snapshots carry where they came from and what was launched', async () => {
    const out = await inspectLive([stdio('first', [GOOD_SERVER])], opts(home(), { consent: { yes: true, allowServers: [] } }));
    const s = out.snapshots[0];
    expect(s).toMatchObject({ name: 'first', source: 'live', entry: { client: 'test', configFile: '/cfg/test.json', line: 3 }, launch: `${process.execPath} ${GOOD_SERVER}` });
    expect(s?.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('disabled servers are not started, and the notes say so', async () => {
    const h = home();
    const out = await inspectLive([serverEntry({ ...planter(), disabled: true })], opts(h, { consent: { yes: true, allowServers: [] } }));
    expect(planted(h)).toBe(false);
    expect(out.errors).toEqual([]);
    expect(out.notes).toContain('1 disabled server(s) not started (a client would not start them either)');
  });
});

describe('placeholders', () => {
  test('an unresolved placeholder in the arguments means the server is not started', async () => {
    const h = home();
    const out = await inspectLive([stdio('p', [RAW_SERVER, 'escape', '${WORKDIR}'])], opts(h, { consent: { yes: true, allowServers: [] } }));
    expect(planted(h)).toBe(false);
    expect(out.errors[0]?.message).toBe('p (test): not inspected: cannot launch with unresolved placeholders: ${WORKDIR} in args.2');
  });

  test('resolved placeholders reach the server; unresolved env values are left out and noted', async () => {
    const entry = stdio('p', [GOOD_SERVER], { env: { FIXTURE_REPORT_ENV: '1', FROM_ENV: '${env:SOURCE_VAR}', FROM_INPUT: '${input:api_token}', GONE: '${NOT_SET_ANYWHERE}' } });
    const out = await inspectLive([entry], opts(home(), { env: { PATH: process.env['PATH'] ?? '', SOURCE_VAR: 'x', API_TOKEN: 'y' }, consent: { yes: true, allowServers: [] } }));
    const report = out.snapshots[0]?.tools.find((t) => t.name === 'env_report')?.description ?? '';
    expect(report).toMatch(/\bFROM_ENV\b/);
    expect(report).toMatch(/\bFROM_INPUT\b/);
    expect(report).not.toMatch(/\bGONE\b/);
    expect(out.notes).toContain('p (test): unresolved placeholders (left unset): ${NOT_SET_ANYWHERE} in env.GONE; set them in the environment to pass them on');
  });
});

describe('client identities', () => {
  test('a server that shows a client different tools is a finding with the diff', async () => {
    const entry = stdio('bait', [GOOD_SERVER], { env: { FIXTURE_BAIT: 'cursor-vscode' } });
    const out = await inspectLive([entry], opts(home(), { consent: { yes: true, allowServers: [] }, identities: ['claude-code', 'cursor', 'vscode'] }));
    expect(out.errors).toEqual([]);
    const f = out.findings.filter((x) => x.ruleId === 'live/identity-dependent-tools');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toBe('Server "bait" shows cursor-vscode different tools than claude-code: only shown to cursor-vscode: sync_notes.');
    expect(JSON.parse(f[0]?.evidence ?? '{}')).toEqual({ base: 'claude-code', other: 'cursor-vscode', added: ['sync_notes'], removed: [], changed: [] });
    expect(out.notes).toContain('client identities used: claude-code 2.1.0, cursor-vscode 1.0.0, Visual Studio Code 1.105.0');
  });

  test('the tools only another client was shown go through the tool rules too, saying which client saw them', async () => {
    const entry = stdio('bait', [GOOD_SERVER], { env: { FIXTURE_BAIT: 'cursor-vscode' } });
    const out = await inspectLive([entry], opts(home(), { consent: { yes: true, allowServers: [] }, identities: ['claude-code', 'cursor'] }));
    expect(out.snapshots[0]?.tools.map((t) => t.name)).not.toContain('sync_notes');
    const onBait = out.findings.filter((f) => f.location.tool === 'sync_notes');
    expect(onBait.length).toBeGreaterThan(0);
    expect(onBait.map((f) => f.ruleId)).toContain('tool/data-exfiltration');
    for (const f of onBait) expect(f.message).toMatch(/\(shown only to client "cursor-vscode"\)$/);
  });

  test('a server that treats every client alike gives no finding', async () => {
    const out = await inspectLive([stdio('fair', [GOOD_SERVER])], opts(home(), { consent: { yes: true, allowServers: [] }, identities: ['claude-code,cursor'] }));
    expect(out.findings).toEqual([]);
  });

  test('diffTools reports added, removed and changed definitions', () => {
    const t = (name: string, description = 'd') => ({ name, description, inputSchema: { type: 'object' } });
    expect(diffTools('a', [t('x'), t('y'), t('z')], 'b', [t('x'), t('y', 'changed'), t('w')])).toEqual({ base: 'a', other: 'b', added: ['w'], removed: ['z'], changed: ['y'] });
  });
});

describe('remote servers', () => {
  let fixture: HttpFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });
  const remote = (url: string, headers: Record<string, string> = {}) => serverEntry({ name: 'remote', client: 'test', scope: 'user', configFile: '/cfg/test.json', transport: 'http', url, headers, fieldLines: { url: 7 } });

  test('answering tools/list without authentication is a finding (low on loopback)', async () => {
    fixture = await startHttpFixture('streamable');
    const out = await inspectLive([remote(fixture.url)], opts(home()));
    expect(out.findings.map((f) => [f.ruleId, f.messageId, f.severity, f.location.line])).toEqual([['live/unauthenticated-remote', 'unauthenticatedLocal', 'low', 7]]);
    expect(out.findings[0]?.attack).toEqual(['T1190']);
  });

  test('headers with placeholders are resolved and sent; then there is no unauthenticated finding', async () => {
    fixture = await startHttpFixture('auth');
    const out = await inspectLive([remote(fixture.url)], opts(home(), { env: { FIXTURE_TOKEN: 's3cret' }, headers: [{ server: 'remote', name: 'Authorization', value: 'Bearer ${FIXTURE_TOKEN}' }] }));
    expect(out.errors).toEqual([]);
    expect(out.findings).toEqual([]);
  });

  test('a header scoped to another server is not sent', async () => {
    fixture = await startHttpFixture('auth');
    const out = await inspectLive([remote(fixture.url)], opts(home(), { headers: [{ server: 'other', name: 'Authorization', value: 'Bearer s3cret' }] }));
    expect(out.errors[0]?.message).toMatch(/requires authentication \(HTTP 401\)/);
  });

  test('carriesCredentials recognises auth headers, token parameters and userinfo', () => {
    expect(carriesCredentials('https://x.test/mcp', {})).toBe(false);
    expect(carriesCredentials('https://x.test/mcp', { Accept: 'application/json' })).toBe(false);
    expect(carriesCredentials('https://x.test/mcp', { Authorization: 'Bearer a' })).toBe(true);
    expect(carriesCredentials('https://x.test/mcp', { 'X-API-Key': 'a' })).toBe(true);
    expect(carriesCredentials('https://x.test/mcp?api_key=a', {})).toBe(true);
    expect(carriesCredentials('https://user:pw@x.test/mcp', {})).toBe(true);
  });
});
