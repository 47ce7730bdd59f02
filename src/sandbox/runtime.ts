/**
 * @module sandbox/runtime
 * Runs local MCP servers under OS isolation with @anthropic-ai/sandbox-runtime (bubblewrap on
 * Linux, Seatbelt on macOS). The library keeps one global session (proxies, config), so this module
 * allows one active sandbox per process and hands out argv wrappers for each server.
 *
 * Version note: sandbox-runtime 0.0.78 is the last release whose engines allow Node 20; later ones
 * require Node >= 22.12.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SandboxManager, type SandboxRuntimeConfig } from '@anthropic-ai/sandbox-runtime';
import type { SandboxPolicy } from './policy.js';

/** A command line ready for `spawn(command, args, { shell: false })`. */
export interface WrappedCommand {
  command: string;
  args: string[];
}

export interface SandboxSession {
  readonly policy: SandboxPolicy;
  /** Wraps one server launch; `writable` adds per-server writable paths (its temp dir). */
  wrap(command: string, args: readonly string[], writable?: readonly string[]): Promise<WrappedCommand>;
  /** Releases per-launch host resources (mount points of not-yet-existing deny paths). */
  afterLaunch(): void;
  /** Stops the proxies and forgets the configuration. Idempotent. */
  dispose(): Promise<void>;
}

export type SandboxStart = { ok: true; session: SandboxSession } | { ok: false; reason: string };

export interface SandboxStartOptions {
  /** Override the bubblewrap binary (tests point it at a missing file to exercise the failure path). */
  bwrapPath?: string;
}

let active = false;

/**
 * The shell the sandbox wraps commands in. Not bash: a server's stdin is a socket, and bash then
 * believes it was started by sshd and runs the user's ~/.bashrc (outside and inside the sandbox),
 * which is slow, may print to stdout (corrupting the MCP stream) and may wait on locks.
 */
const WRAPPER_SHELL = 'sh';

/** POSIX single-quoting: the wrapped command runs through `sh -c` inside the sandbox. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function toRuntimeConfig(policy: SandboxPolicy, opts: SandboxStartOptions): SandboxRuntimeConfig {
  const config: SandboxRuntimeConfig = {
    network: { allowedDomains: [...policy.allowedHosts], deniedDomains: [] },
    filesystem: { denyRead: [...policy.denyRead], allowWrite: policy.allowWrite.filter((p) => existsSync(p)), denyWrite: [] },
  };
  if (opts.bwrapPath !== undefined) config.bwrapPath = opts.bwrapPath;
  return config;
}

function reasonOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim();
}

/** Longest a trial run of the sandbox may take (it runs `true`; a healthy one takes milliseconds). */
const TRIAL_TIMEOUT_MS = 15_000;

/** Runs `true` in the sandbox; undefined when it worked, else why not (bubblewrap's own words). */
async function trialRun(): Promise<string | undefined> {
  let argv: string[];
  try {
    argv = (await SandboxManager.wrapWithSandboxArgv('true', WRAPPER_SHELL, undefined, undefined, undefined)).argv;
  } catch (err) {
    return `the sandbox could not wrap a trial command: ${reasonOf(err)}`;
  }
  const [bin, ...rest] = argv;
  if (bin === undefined) return 'the sandbox returned an empty command line';
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; error?: Error }>((resolve) => {
    const child = spawn(bin, rest, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TRIAL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stderr, error });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
  SandboxManager.cleanupAfterCommand();
  if (outcome.error) return `the sandbox could not start a trial command: ${reasonOf(outcome.error)}`;
  if (outcome.code === 0) return undefined;
  const said = outcome.stderr.trim().split('\n').filter((l) => l.trim() !== '').pop();
  const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.code ?? '?'}`;
  return `a trial command in the sandbox ${how}${said ? `: ${reasonOf(said)}` : ''} (bubblewrap needs unprivileged user namespaces, or CAP_SYS_ADMIN in a container)`;
}

/**
 * Starts the sandbox or says why it cannot. Never throws: a sandbox that cannot start is a
 * reason to refuse launching servers, which the caller reports per server.
 */
export async function startSandbox(policy: SandboxPolicy, opts: SandboxStartOptions = {}): Promise<SandboxStart> {
  if (active) return { ok: false, reason: 'another sandbox session is already active in this process' };
  if (!SandboxManager.isSupportedPlatform()) {
    return { ok: false, reason: `OS sandboxing is not supported on ${process.platform} by @anthropic-ai/sandbox-runtime` };
  }
  const config = toRuntimeConfig(policy, opts);
  try {
    await SandboxManager.initialize(config);
  } catch (err) {
    await SandboxManager.reset().catch(() => undefined); // best effort: initialize may have started a proxy
    const hint = process.platform === 'linux' ? ' (install bubblewrap, socat and ripgrep)' : '';
    return { ok: false, reason: `${reasonOf(err)}${hint}` };
  }
  // bubblewrap is found at initialize, but whether it may create namespaces (user namespaces
  // disabled, a container without CAP_SYS_ADMIN, a seccomp profile) shows only when it runs.
  const trial = await trialRun();
  if (trial !== undefined) {
    await SandboxManager.reset().catch(() => undefined);
    return { ok: false, reason: trial };
  }
  active = true;
  let disposed = false;
  const session: SandboxSession = {
    policy,
    async wrap(command, args, writable = []) {
      const line = [command, ...args].map(shellQuote).join(' ');
      const custom = writable.length > 0 ? { filesystem: { ...config.filesystem, allowWrite: [...config.filesystem.allowWrite, ...writable.filter((p) => existsSync(p))] } } : undefined;
      const wrapped = await SandboxManager.wrapWithSandboxArgv(line, WRAPPER_SHELL, custom, undefined, undefined);
      const [bin, ...rest] = wrapped.argv;
      if (bin === undefined) throw new Error('sandbox returned an empty command line');
      return { command: bin, args: rest };
    },
    afterLaunch() {
      SandboxManager.cleanupAfterCommand();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      active = false;
      await SandboxManager.reset();
    },
  };
  return { ok: true, session };
}
