// The OS sandbox, end to end: a fixture server that tries to plant an SSH key in its home and to
// open a network connection is stopped on both counts; the same server without the sandbox
// succeeds (so the test can fail); a sandbox that cannot start refuses to run the server at all.
// Where the sandbox cannot run (a CI container without user namespaces) the isolation tests are
// replaced by the refusal they must produce there, with a notice; MCP_WARDEN_REQUIRE_SANDBOX=1
// makes that a failure instead.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { inspectLive, type LiveOptions } from '../../src/app/inspect.js';
import { serverEntry, type ServerEntry } from '../../src/model/index.js';
import { RAW_SERVER } from '../helpers/fixtures.js';
import { marker, processesWith } from '../helpers/processes.js';
import { probeSandbox, sandboxRequired } from '../helpers/sandbox.js';

const availability = await probeSandbox();
if (!availability.ok) {
  console.warn(`NOTICE: the OS sandbox cannot run here (${availability.reason}); the isolation tests are replaced by the refusal check${sandboxRequired ? ', and MCP_WARDEN_REQUIRE_SANDBOX=1 makes that a failure' : ''}.`);
}

let listener: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

function home(withSsh: boolean): string {
  const h = mkdtempSync(join(tmpdir(), 'warden-sbx-home-'));
  if (withSsh) mkdirSync(join(h, '.ssh'));
  return h;
}

function escapeEntry(extraEnv: Record<string, string> = {}): ServerEntry {
  return serverEntry({
    name: 'escaper',
    client: 'test',
    scope: 'user',
    configFile: '/nonexistent/test-config.json',
    transport: 'stdio',
    command: process.execPath,
    args: [RAW_SERVER, 'escape'],
    env: { FIXTURE_NET_HOST: '127.0.0.1', FIXTURE_NET_PORT: String(port), ...extraEnv },
  });
}

function options(h: string, sandbox: boolean, over: Partial<LiveOptions['sandbox']> = {}): LiveOptions {
  return { home: h, env: { PATH: process.env['PATH'] ?? '' }, consent: { yes: true, allowServers: [] }, sandbox: { enabled: sandbox, ...over } };
}

function probeReport(out: Awaited<ReturnType<typeof inspectLive>>): string {
  return out.snapshots[0]?.tools.find((t) => t.name === 'probe' || t.name === 'npmrc')?.description ?? '(no snapshot)';
}

test.runIf(sandboxRequired)('the sandbox runs here (MCP_WARDEN_REQUIRE_SANDBOX=1)', () => {
  expect(availability).toEqual({ ok: true });
});

describe.runIf(!availability.ok)('sandbox unavailable on this machine', () => {
  test('a local server is refused with the reason, not run unsandboxed', async () => {
    const h = home(true);
    const before = connections;
    const out = await inspectLive([escapeEntry()], options(h, true));
    expect(out.snapshots).toEqual([]);
    expect(out.errors.map((e) => e.kind)).toEqual(['skipped']);
    expect(out.errors[0]?.message).toMatch(/^escaper \(test\): not started: the sandbox is unavailable \(.+\); refusing to run it unsandboxed/);
    expect(existsSync(join(h, '.ssh', 'authorized_keys'))).toBe(false);
    expect(connections).toBe(before);
  });
});

describe.runIf(availability.ok)('sandboxed server', () => {
  test.each([
    ['an existing ~/.ssh', true],
    ['no ~/.ssh yet', false],
  ])('with %s: the key never lands in the real ~/.ssh and the connection never arrives', async (_label, withSsh) => {
    const h = home(withSsh);
    const before = connections;
    const out = await inspectLive([escapeEntry()], options(h, true));
    expect(out.errors).toEqual([]);
    const report = probeReport(out);
    expect(report).not.toMatch(/net:ok/);
    if (!withSsh) expect(report).toMatch(/write:E[A-Z]+/);
    expect(existsSync(join(h, '.ssh', 'authorized_keys'))).toBe(false);
    expect(connections).toBe(before);
    expect(out.notes.join('\n')).toMatch(/local servers ran sandboxed/);
  });

  test('control: without the sandbox the same server writes the key and connects', async () => {
    const h = home(true);
    const before = connections;
    const out = await inspectLive([escapeEntry()], options(h, false));
    expect(probeReport(out)).toBe('write:ok net:ok');
    expect(existsSync(join(h, '.ssh', 'authorized_keys'))).toBe(true);
    await vi.waitFor(() => expect(connections).toBe(before + 1), { timeout: 5000 });
    expect(out.notes.join('\n')).toMatch(/--no-sandbox: local servers ran WITHOUT OS isolation/);
  });

  test("a registry mirror from ~/.npmrc reaches the sandboxed launcher; ~/.npmrc itself (tokens) does not", async () => {
    const h = home(false);
    writeFileSync(join(h, '.npmrc'), 'registry=https://npm.mirror.example/npm/\n//npm.mirror.example/npm/:_authToken=npm_fixtureTokenValue\n');
    const entry = serverEntry({ ...escapeEntry(), name: 'npmrc-reader', args: [RAW_SERVER, 'npmrc'] });
    const env = { PATH: process.env['PATH'] ?? '', npm_config_globalconfig: join(h, 'no-global-npmrc') };
    const out = await inspectLive([entry], { ...options(h, true), env });
    expect(out.errors).toEqual([]);
    const seen = JSON.parse(probeReport(out).replace(/^\(no snapshot\)$/, '{}')) as { userconfig?: string; homeNpmrc?: string };
    expect(seen.userconfig).toBe('registry=https://npm.mirror.example/npm/\n');
    expect(seen.homeNpmrc).not.toContain('npm_fixtureTokenValue');
    expect(out.notes.join('\n')).toMatch(/npm registry npm\.mirror\.example \(from .*\.npmrc\) allowed in the sandbox/);
    expect(out.notes.join('\n')).toMatch(/network: registry\.npmjs\.org, .*npm\.mirror\.example/);
  });

  test('no orphans inside the sandbox either', async () => {
    const token = marker();
    const entry = serverEntry({ ...escapeEntry(), name: 'orphaner', args: [RAW_SERVER, 'orphan'], env: { FIXTURE_MARKER: token } });
    const out = await inspectLive([entry], { ...options(home(false), true), limits: { requestTimeoutMs: 300 } });
    expect(out.errors.map((e) => e.kind)).toEqual(['timeout']);
    expect(out.logs[0]?.stderr).toMatch(/spawned grandchild/);
    await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
  });
});

/** The sandbox's other tools (socat, ripgrep) are installed, so a fake bubblewrap is what decides. */
const otherToolsPresent = availability.ok || !/ripgrep \(rg\) not found|socat not installed/.test(availability.reason);

describe('sandbox unavailable', () => {
  test.runIf(otherToolsPresent)('bubblewrap present but forbidden to create namespaces (a CI container): refused with its words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fake-bwrap-'));
    const fake = join(dir, 'bwrap');
    writeFileSync(fake, '#!/bin/sh\necho "bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const h = home(true);
    const out = await inspectLive([escapeEntry()], options(h, true, { bwrapPath: fake }));
    expect(out.snapshots).toEqual([]);
    expect(out.errors.map((e) => e.kind)).toEqual(['skipped']);
    expect(out.errors[0]?.message).toMatch(/not started: the sandbox is unavailable \(a trial command in the sandbox exited with code 1: bwrap: No permissions to create new namespace.*\); refusing to run it unsandboxed/);
    expect(existsSync(join(h, '.ssh', 'authorized_keys'))).toBe(false);
  });

  test('the server is not started, the error says why, nothing runs unsandboxed', async () => {
    const h = home(true);
    const out = await inspectLive([escapeEntry()], options(h, true, { bwrapPath: '/nonexistent/bwrap' }));
    expect(out.snapshots).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]?.kind).toBe('skipped');
    expect(out.errors[0]?.message).toMatch(/^escaper \(test\): not started: the sandbox is unavailable \(.*bwrap.*\); refusing to run it unsandboxed/);
    expect(existsSync(join(h, '.ssh', 'authorized_keys'))).toBe(false);
  });
});
