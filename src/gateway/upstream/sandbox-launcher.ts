/**
 * @module gateway/upstream/sandbox-launcher
 * Entry point run as a small process in front of each sandboxed stdio upstream:
 *
 *   node sandbox-launcher.js <policy JSON> -- <command> [args...]
 *
 * Why a process of its own: sandbox-runtime keeps one session (filter proxy, policy) per process,
 * and its network allowlist is enforced by that proxy, so two upstreams with different network
 * policies cannot share one. Each launcher starts its own session (src/sandbox) with its server's
 * policy, runs the server with the launcher's stdin/stdout/stderr (the MCP stream never passes
 * through it), forwards stop signals and exits with the server's status. It never falls back to
 * running the server unsandboxed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSandboxPolicy } from '../../sandbox/policy.js';
import { startSandbox } from '../../sandbox/runtime.js';
import { parseLauncherArgv, SANDBOX_UNAVAILABLE_EXIT, type LauncherSpec } from './sandbox.js';

function fail(name: string, message: string, code: number): never {
  process.stderr.write(`mcp-warden: ${name}: ${message}\n`);
  process.exit(code);
}

/** Package caches that do not exist cannot be made writable: point the launchers at the temp dir. */
function cacheFallbacks(home: string, tempDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(join(home, '.npm'))) out['npm_config_cache'] = join(tempDir, 'npm-cache');
  if (!existsSync(join(home, '.cache', 'uv'))) out['UV_CACHE_DIR'] = join(tempDir, 'uv-cache');
  if (!existsSync(join(home, '.cache', 'pip'))) out['PIP_CACHE_DIR'] = join(tempDir, 'pip-cache');
  return out;
}

async function main(): Promise<void> {
  let parsed: { spec: LauncherSpec; command: string; args: string[] };
  try {
    parsed = parseLauncherArgv(process.argv.slice(2));
  } catch (err) {
    fail('sandbox launcher', (err as Error).message, 2);
  }
  const { spec, command, args } = parsed;
  const home = process.env['HOME'] ?? homedir();
  const tempDir = mkdtempSync(join(tmpdir(), `mcp-warden-${spec.name}-`));
  const cleanup = (): void => rmSync(tempDir, { recursive: true, force: true });

  const base = buildSandboxPolicy({ home, tempDir, hosts: spec.allowedHosts, extraDenyRead: spec.denyRead });
  const policy = { ...base, allowWrite: [...new Set([...base.allowWrite, ...spec.allowWrite])] };
  const started = await startSandbox(policy, spec.bwrapPath !== undefined ? { bwrapPath: spec.bwrapPath } : {});
  if (!started.ok) {
    cleanup();
    fail(spec.name, `not started: the sandbox is unavailable (${started.reason}); refusing to run it unsandboxed (--no-sandbox, or sandbox.enabled: false in gateway.yaml, accepts that risk)`, SANDBOX_UNAVAILABLE_EXIT);
  }
  const session = started.session;
  let wrapped;
  try {
    wrapped = await session.wrap(command, args, [tempDir]);
  } catch (err) {
    await session.dispose();
    cleanup();
    fail(spec.name, `not started: the sandbox could not wrap the command (${(err as Error).message})`, SANDBOX_UNAVAILABLE_EXIT);
  }

  const child = spawn(wrapped.command, wrapped.args, {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: tempDir, ...cacheFallbacks(home, tempDir) },
  });
  session.afterLaunch();
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, forward(signal));

  const status = await new Promise<number>((resolve) => {
    child.once('error', (err) => {
      process.stderr.write(`mcp-warden: ${spec.name}: cannot start the sandbox wrapper: ${err.message}\n`);
      resolve(126);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1)));
  });
  await session.dispose().catch(() => undefined);
  cleanup();
  process.exit(status);
}

void main();
