// Isolation (must-have 8): stdio upstreams run under the OS sandbox by default, each with its own
// policy from gateway.yaml. A fixture tool tries to plant an SSH key in a temp HOME and to open a
// TCP connection to a listener on loopback; under the sandbox both fail, without it both succeed
// (the control, so these tests can fail), and a sandbox that cannot start runs nothing at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { wrapUpstream } from '../../src/app/wrap.js';
import { SandboxConfigSchema } from '../../src/gateway/config.js';
import { launcherSpec, parseLauncherArgv, sandboxWrapper } from '../../src/gateway/upstream/sandbox.js';
import { PACKAGE_MANAGER_HOSTS } from '../../src/sandbox/policy.js';
import { FIXTURE, startGateway, stdioSpec, type Harness } from './harness.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

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

const dirs: string[] = [];
function tempHome(): string {
  const h = mkdtempSync(join(tmpdir(), 'warden-gw-sbx-home-'));
  mkdirSync(join(h, '.ssh'));
  dirs.push(h);
  return h;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function textOf(result: unknown): string {
  return ((result as { content: Array<{ text: string }> }).content[0]?.text ?? '').trim();
}

describe('launcher policy', () => {
  it('defaults to package registries only; an explicit empty list means no network; paths pass through', () => {
    const base = stdioSpec('a', { sandbox: SandboxConfigSchema.parse({}) });
    expect(launcherSpec(base).allowedHosts).toEqual([...PACKAGE_MANAGER_HOSTS]);
    const none = stdioSpec('b', { sandbox: SandboxConfigSchema.parse({ network: { allowedDomains: [] }, filesystem: { allowWrite: ['/data/out'], denyRead: ['/data/secret'] } }) });
    expect(launcherSpec(none)).toEqual({ name: 'b', allowedHosts: [], denyRead: ['/data/secret'], allowWrite: ['/data/out'] });
  });

  it('parses its own command line and rejects anything else', () => {
    const spec = launcherSpec(stdioSpec('a', { sandbox: SandboxConfigSchema.parse({}) }));
    expect(parseLauncherArgv([JSON.stringify(spec), '--', 'node', 'x.js'])).toEqual({ spec, command: 'node', args: ['x.js'] });
    expect(() => parseLauncherArgv([JSON.stringify(spec), 'node'])).toThrow(/usage/);
    expect(() => parseLauncherArgv(['{', '--', 'node'])).toThrow(/invalid policy JSON/);
    expect(() => parseLauncherArgv([JSON.stringify({ ...spec, extra: 1 }), '--', 'node'])).toThrow(/invalid policy/);
  });
});

describe('gateway with sandboxed upstreams (real sandbox, per-server policy)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a default upstream cannot write ~/.ssh or connect out; another with allowWrite may write where it is allowed', async () => {
    const home = tempHome();
    const granted = mkdtempSync(join(tmpdir(), 'warden-gw-sbx-granted-'));
    dirs.push(granted);
    h = await startGateway({
      upstreams: [
        stdioSpec('boxed', { env: { FIXTURE_NAME: 'boxed', HOME: home }, sandbox: SandboxConfigSchema.parse({}) }),
        stdioSpec('granted', { env: { FIXTURE_NAME: 'granted', HOME: home }, sandbox: SandboxConfigSchema.parse({ filesystem: { allowWrite: [granted] } }) }),
      ],
      sandbox: sandboxWrapper(),
    });
    const client = await h.connect();
    const before = connections;

    // ~/.ssh exists, so the sandbox mounts a throwaway directory over it: the write may "succeed"
    // inside the sandbox but never reaches the real directory.
    const boxed = textOf(await client.callTool({ name: 'boxed__escape', arguments: { path: join(home, '.ssh', 'authorized_keys'), host: '127.0.0.1', port } }));
    expect(boxed).toMatch(/^write:\S+ net:/);
    expect(boxed).not.toMatch(/net:ok/);
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(false);
    // Elsewhere the filesystem is read-only for it, including the directory the other server may write.
    const outside = textOf(await client.callTool({ name: 'boxed__escape', arguments: { path: join(granted, 'boxed.txt'), host: '127.0.0.1', port } }));
    expect(outside).toMatch(/^write:E[A-Z]+ /);
    expect(existsSync(join(granted, 'boxed.txt'))).toBe(false);

    const allowed = textOf(await client.callTool({ name: 'granted__escape', arguments: { path: join(granted, 'out.txt'), host: '127.0.0.1', port } }));
    expect(allowed).toMatch(/^write:ok net:/);
    expect(allowed).not.toMatch(/net:ok/);
    expect(readFileSync(join(granted, 'out.txt'), 'utf8')).toContain('attacker');
    await client.callTool({ name: 'granted__escape', arguments: { path: join(home, '.ssh', 'authorized_keys'), host: '127.0.0.1', port } });
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(false);

    expect(connections).toBe(before);
  }, 180_000);

  it('control: with sandbox.enabled false the same call writes the key and connects', async () => {
    const home = tempHome();
    h = await startGateway({ upstreams: [stdioSpec('open', { env: { FIXTURE_NAME: 'open', HOME: home } })], sandbox: sandboxWrapper() });
    const client = await h.connect();
    const before = connections;
    const out = textOf(await client.callTool({ name: 'open__escape', arguments: { path: join(home, '.ssh', 'authorized_keys'), host: '127.0.0.1', port } }));
    expect(out).toBe('write:ok net:ok');
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(true);
    await expect.poll(() => connections, { timeout: 5000 }).toBe(before + 1);
  }, 180_000);

  it('a sandbox that cannot start runs nothing: the server stays down and its calls fail cleanly', async () => {
    const home = tempHome();
    h = await startGateway({
      upstreams: [stdioSpec('boxed', { env: { FIXTURE_NAME: 'boxed', HOME: home }, sandbox: SandboxConfigSchema.parse({}) })],
      sandbox: sandboxWrapper({ bwrapPath: '/nonexistent/bwrap' }),
      connectTimeoutMs: 20_000,
    });
    const client = await h.connect();
    expect((await client.listTools()).tools).toEqual([]);
    const err = await client.callTool({ name: 'boxed__escape', arguments: { path: join(home, '.ssh', 'authorized_keys'), host: '127.0.0.1', port } }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/boxed/);
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(false);
  }, 180_000);
});

describe('mcp-warden wrap (built CLI)', () => {
  async function callWrapped(home: string, extra: string[], name: string, args: Record<string, unknown>): Promise<string> {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'wrap', '--name', 'fx', '--no-audit', ...extra, '--', process.execPath, FIXTURE],
      env: { PATH: process.env['PATH'] ?? '', HOME: home, FIXTURE_NAME: 'fx' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'sandbox-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      return textOf(await client.callTool({ name, arguments: args }));
    } finally {
      await client.close();
    }
  }
  const runWrap = (home: string, extra: string[]) => callWrapped(home, extra, 'escape', { path: join(home, '.ssh', 'authorized_keys'), host: '127.0.0.1', port });

  it('sandboxes by default: the key never lands in ~/.ssh and the connection never arrives', async () => {
    const home = tempHome();
    const before = connections;
    const out = await runWrap(home, []);
    expect(out).toMatch(/^write:\S+ net:/);
    expect(out).not.toMatch(/net:ok/);
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(false);
    expect(connections).toBe(before);
  }, 180_000);

  it('--no-sandbox is the explicit way out: the same server then writes and connects', async () => {
    const home = tempHome();
    const before = connections;
    expect(await runWrap(home, ['--no-sandbox'])).toBe('write:ok net:ok');
    expect(existsSync(join(home, '.ssh', 'authorized_keys'))).toBe(true);
    await expect.poll(() => connections, { timeout: 5000 }).toBe(before + 1);
  }, 180_000);

  it('--sandbox-deny-read hides a path of the user\'s choosing (the same read succeeds without it)', async () => {
    const home = tempHome();
    const dir = join(home, 'clients');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ledger.csv'), 'account,balance\n');
    const peek = (extra: string[]) => callWrapped(home, extra, 'peek', { path: join(dir, 'ledger.csv') });
    expect(await peek([])).toBe('read:ok account,balance');
    expect(await peek(['--sandbox-deny-read', dir])).toMatch(/^read:(?!ok)/);
  }, 180_000);

  it('refuses sandbox options that contradict each other or --no-sandbox, before starting anything', () => {
    const run = (extra: string[]) => spawnSync(process.execPath, [CLI, 'wrap', '--name', 'fx', '--no-audit', ...extra, '--', process.execPath, FIXTURE], { encoding: 'utf8', input: '' });
    const both = run(['--no-sandbox-network', '--sandbox-allow-host', 'example.com']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--no-sandbox-network and --sandbox-allow-host/);
    const off = run(['--no-sandbox', '--sandbox-deny-read', '/tmp']);
    expect(off.status).toBe(2);
    expect(off.stderr).toMatch(/--no-sandbox cannot be combined/);
  });
});

describe('wrap sandbox options', () => {
  it('--no-sandbox-network gives the server no hosts at all; --sandbox-deny-read adds hidden paths', () => {
    const spec = wrapUpstream({ command: 'node', args: ['s.js'], sandbox: true, allowHosts: [], denyRead: ['/srv/private'], timeoutMs: 1000, env: {} });
    expect(spec.sandbox.network.allowedDomains).toEqual([]);
    expect(spec.sandbox.filesystem.denyRead).toEqual(['/srv/private']);
    expect(launcherSpec(spec).allowedHosts).toEqual([]);
    const defaults = wrapUpstream({ command: 'node', args: ['s.js'], sandbox: true, timeoutMs: 1000, env: {} });
    expect(defaults.sandbox.network.allowedDomains).toBeUndefined();
  });
});
