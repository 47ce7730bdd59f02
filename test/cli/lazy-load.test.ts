/**
 * The commands are defined without loading any use-case (src/cli/program.ts): `--help` loads
 * commander and a few constant modules, each command loads its own code when it runs, and the
 * long-running `wrap` and `gateway` keep none of the other commands' code in memory. Each case runs
 * the built CLI under test/helpers/module-trace.mjs, which records every module the process loads
 * (read once the process has exited, so nothing here depends on timing).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = realpathSync(join(import.meta.dirname, '..', '..'));
const CLI = join(ROOT, 'dist', 'cli.js');
const DIST = `${pathToFileURL(join(ROOT, 'dist')).href}/`;
const PRELOAD = pathToFileURL(join(ROOT, 'test', 'helpers', 'module-trace.mjs')).href;
const UPSTREAM = join(ROOT, 'test', 'fixtures', 'gateway', 'upstream.mjs');

/** What command definitions may load besides src/cli itself: constants with no imports of their own. */
const DEFINITION_MODULES = ['cli.js', 'gateway/young-generation.js', 'version.js', 'discovery/client-ids.js', 'model/errors.js', 'model/severity-levels.js', 'pinning/lockfile-name.js', 'report/rule-list-formats.js', 'mcp/protocol.js', 'report/types.js', 'store/audit-record.js', 'store/paths.js', 'supplychain/endpoints.js'];
const DEFINITION_PACKAGES = ['commander', 'picocolors'];

/** Code of the other commands, which a running wrap or gateway must not load. */
const OTHER_COMMANDS_MODULES = ['app/audit.js', 'app/clients.js', 'app/inspect.js', 'app/pin.js', 'app/scan.js', 'app/vet.js', 'cli/inspect-view.js', 'cli/output.js', 'cli/progress.js', 'discovery/index.js', 'report/index.js'];
const OTHER_COMMANDS_PACKAGES = ['@sigstore/verify', 'make-fetch-happen'];

const HINT = 'a command definition imports this statically: load it in the action with `await import(...)` (see src/cli/program.ts)';

interface Loaded {
  /** Our modules, relative to dist/: `cli/scan.js`. */
  ours: string[];
  /** Dependencies, by package name: `@sigstore/verify`. */
  packages: string[];
}

function classify(urls: readonly string[]): Loaded {
  const ours = new Set<string>();
  const packages = new Set<string>();
  for (const url of urls) {
    if (url.startsWith(DIST)) ours.add(url.slice(DIST.length));
    const at = url.lastIndexOf('/node_modules/');
    if (at >= 0) {
      const [first = '', second = ''] = url.slice(at + '/node_modules/'.length).split('/');
      packages.add(first.startsWith('@') ? `${first}/${second}` : first);
    }
  }
  return { ours: [...ours].sort(), packages: [...packages].sort() };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-lazy-'));
  dirs.push(dir);
  return dir;
}

interface Traced {
  status: number | null;
  stderr: string;
  /** With `session`: the answer to tools/list. */
  answer?: unknown;
  loaded: Loaded;
}

/**
 * Runs the built CLI under the trace preload. With `session`, it is a stdio MCP server: the test
 * initialises, lists the tools, and closes stdin once the list arrives (the runtime is then fully
 * up), as a client ends a stdio server.
 */
function traced(args: string[], opts: { session?: boolean } = {}): Promise<Traced> {
  const trace = join(tempDir(), 'modules.txt');
  writeFileSync(trace, '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PRELOAD, CLI, ...args], {
      env: { ...process.env, NO_COLOR: '1', MODULE_TRACE_FILE: trace },
      stdio: [opts.session ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const { stdin, stdout: out, stderr: err } = child;
    if (out === null || err === null) throw new Error('spawned without stdout/stderr pipes');
    const send = (message: object) => stdin?.write(`${JSON.stringify(message)}\n`);
    let stdout = '';
    let stderr = '';
    let answer: unknown;
    err.on('data', (d: Buffer) => (stderr += d.toString()));
    out.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!opts.session) return;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const message = JSON.parse(stdout.slice(0, newline)) as { id?: unknown };
        stdout = stdout.slice(newline + 1);
        if (message.id === 1) {
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (message.id === 2) {
          answer = message;
          stdin?.end();
        }
      }
    });
    if (opts.session) send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lazy-load-test', version: '1.0.0' } } });
    child.on('error', reject);
    child.on('close', (status) => {
      const urls = readFileSync(trace, 'utf8').split('\n').filter((line) => line !== '');
      resolve({ status, stderr, ...(answer !== undefined ? { answer } : {}), loaded: classify(urls) });
    });
  });
}

describe('command definitions load no use-case', () => {
  const commands = [[], ['scan'], ['vet'], ['rules'], ['clients'], ['pin'], ['keygen'], ['wrap'], ['gateway'], ['audit'], ['inspect']];

  it.each(commands.map((c) => [c.join(' ') || '(no command)', c]))('%s --help loads commander and the command definitions only', async (_name, command) => {
    const { status, loaded } = await traced([...command, '--help']);
    expect(status).toBe(0);
    // The trace saw the CLI load (an empty trace would pass everything below).
    expect(loaded.ours).toContain('cli/program.js');
    expect(loaded.packages).toContain('commander');
    expect(loaded.packages.filter((p) => !DEFINITION_PACKAGES.includes(p)), HINT).toEqual([]);
    expect(loaded.ours.filter((m) => !m.startsWith('cli/') && !DEFINITION_MODULES.includes(m)), HINT).toEqual([]);
  });

  it('rules loads the rule registry but no use-case, SDK, sandbox, Sigstore or SQLite', async () => {
    const { status, loaded } = await traced(['rules', '--format', 'json']);
    expect(status).toBe(0);
    expect(loaded.ours).toContain('rules/index.js');
    expect(loaded.ours.filter((m) => m.startsWith('app/'))).toEqual([]);
    const heavy = ['@anthropic-ai/sandbox-runtime', '@modelcontextprotocol/client', '@modelcontextprotocol/server', '@sigstore/verify', 'better-sqlite3'];
    expect(loaded.packages.filter((p) => heavy.includes(p))).toEqual([]);
  });
});

describe('a running wrap or gateway keeps no other command in memory', () => {
  it('wrap', async () => {
    const { status, stderr, answer, loaded } = await traced(['wrap', '--name', 'fx', '--no-sandbox', '--no-audit', '--', process.execPath, UPSTREAM], { session: true });
    expect(status, stderr).toBe(0);
    expect(answer).toHaveProperty('result.tools');
    expect(loaded.ours).toContain('app/gateway-runtime.js');
    expect(loaded.ours.filter((m) => OTHER_COMMANDS_MODULES.includes(m))).toEqual([]);
    expect(loaded.packages.filter((p) => OTHER_COMMANDS_PACKAGES.includes(p))).toEqual([]);
  });

  it('gateway', async () => {
    const config = join(tempDir(), 'gateway.yaml');
    writeFileSync(
      config,
      ['version: 1', 'listen:', '  stdio: true', 'audit:', '  enabled: false', 'servers:', '  fx:', `    command: ${JSON.stringify(process.execPath)}`, `    args: [${JSON.stringify(UPSTREAM)}]`, '    sandbox:', '      enabled: false', ''].join('\n'),
    );
    const { status, stderr, answer, loaded } = await traced(['gateway', '--config', config], { session: true });
    expect(status, stderr).toBe(0);
    expect(answer).toHaveProperty('result.tools');
    expect(loaded.ours).toContain('app/gateway-runtime.js');
    expect(loaded.ours.filter((m) => OTHER_COMMANDS_MODULES.includes(m))).toEqual([]);
    expect(loaded.packages.filter((p) => OTHER_COMMANDS_PACKAGES.includes(p))).toEqual([]);
  });
});
