/**
 * @module pinning/identity
 * Launch identity: the part of a server's key that says which code runs or which endpoint answers.
 * A server keeps its name; if its launch identity moves (new package version, new image tag, new
 * URL), that is drift of its own kind ("server identity changed").
 */
import { redactSecrets } from '../analysis/secrets.js';
import type { LaunchPin, ServerEntry } from '../model/index.js';
import { hashJson } from './canonical.js';

/** The fields of a ServerEntry that say how it is launched or reached. */
export type LaunchSource = Pick<ServerEntry, 'transport' | 'command' | 'args' | 'url'>;

// Query parameters whose values are credentials in practice; their values never reach the lockfile.
const SENSITIVE_QUERY_KEY = /key|token|secret|pass|auth|sig|session|cred|code/i;

/**
 * URL as pinned: user info dropped, sensitive query values replaced, known secret formats redacted.
 * A URL that does not parse is kept as text (redacted): it still identifies what was declared.
 */
export function pinnableUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return redactSecrets(raw);
  }
  url.username = '';
  url.password = '';
  for (const key of [...url.searchParams.keys()]) {
    if (SENSITIVE_QUERY_KEY.test(key)) url.searchParams.set(key, 'REDACTED');
  }
  return redactSecrets(url.toString());
}

const NODE_RUNNERS = new Set(['npx', 'bunx', 'pnpx']);
const PY_RUNNERS = new Set(['uvx', 'pipx']);
const CONTAINER_RUNNERS = new Set(['docker', 'podman', 'nerdctl']);
// docker/podman `run` options that take a separate value; anything else starting with `-` is a flag.
const CONTAINER_VALUE_OPTS = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '-p', '--publish', '--name', '--network', '--net',
  '-w', '--workdir', '-u', '--user', '--entrypoint', '-l', '--label', '--platform', '--pull', '-m', '--memory',
  '--cpus', '--cap-add', '--cap-drop', '--security-opt', '--add-host', '--dns', '-h', '--hostname', '--user-ns',
  '--userns', '--tmpfs', '--device', '--ulimit', '--restart', '--log-driver', '--log-opt', '--ipc', '--pid',
]);
// Package-runner options that take a separate value (npx --package X, uvx --from X, --with X, …).
const RUNNER_VALUE_OPTS = new Set(['-p', '--package', '--from', '--with', '--python', '--index-url', '-c', '--call', '--spec']);

function basename(command: string): string {
  const last = command.split(/[\\/]/).pop() ?? command;
  return last.replace(/\.(cmd|exe|bat)$/i, '').toLowerCase();
}

/** First positional argument, skipping options (and the values of options known to take one). */
function firstPositional(args: readonly string[], valueOpts: ReadonlySet<string>): { value: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return args[i + 1] === undefined ? undefined : { value: args[i + 1] as string, index: i + 1 };
    if (a.startsWith('-')) {
      if (!a.includes('=') && valueOpts.has(a)) i++;
      continue;
    }
    return { value: a, index: i };
  }
  return undefined;
}

/** What package or image a runner command fetches and runs, for "version moved" messages. */
export function launchedArtifact(command: string | undefined, args: readonly string[]): { package?: string; image?: string } {
  if (command === undefined) return {};
  const cmd = basename(command);
  if (NODE_RUNNERS.has(cmd) || PY_RUNNERS.has(cmd)) {
    const rest = cmd === 'pipx' && args[0] === 'run' ? args.slice(1) : args;
    // `--package X` / `--from X` names the package explicitly; otherwise the first positional does.
    for (let i = 0; i < rest.length - 1; i++) {
      if (['-p', '--package', '--from', '--spec'].includes(rest[i] ?? '')) return { package: rest[i + 1] as string };
    }
    const pos = firstPositional(rest, RUNNER_VALUE_OPTS);
    return pos ? { package: pos.value } : {};
  }
  if ((cmd === 'pnpm' || cmd === 'yarn') && args[0] === 'dlx') {
    const pos = firstPositional(args.slice(1), RUNNER_VALUE_OPTS);
    return pos ? { package: pos.value } : {};
  }
  if (CONTAINER_RUNNERS.has(cmd)) {
    const run = args.findIndex((a) => a === 'run');
    if (run === -1) return {};
    const pos = firstPositional(args.slice(run + 1), CONTAINER_VALUE_OPTS);
    return pos ? { image: pos.value } : {};
  }
  return {};
}

/** Pins the identity of a declared server (ServerEntry or anything with its launch fields). */
export function launchIdentity(entry: LaunchSource): LaunchPin {
  const hashed: Omit<LaunchPin, 'hash' | 'package' | 'image'> = { transport: entry.transport };
  if (entry.command !== undefined) hashed.command = redactSecrets(entry.command);
  if (entry.args.length > 0) hashed.args = entry.args.map((a) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(a) ? pinnableUrl(a) : redactSecrets(a)));
  if (entry.url !== undefined) hashed.url = pinnableUrl(entry.url);
  const { hash } = hashJson(hashed);
  return { hash, ...hashed, ...launchedArtifact(hashed.command, hashed.args ?? []) };
}

/**
 * Identity of a server known only from a snapshot: its declared launch text when the inventory
 * gives one, else nothing (every such server has the same empty identity, so only its name keys it).
 */
export function declaredIdentity(declared: string | undefined): LaunchPin {
  if (declared === undefined) return { hash: hashJson({}).hash };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(declared.trim())) {
    const url = pinnableUrl(declared.trim());
    return { hash: hashJson({ url }).hash, url };
  }
  const text = redactSecrets(declared);
  // A declared command line ("npx -y pkg@1.2.3") still names its package, for "version moved" messages.
  const words = text.trim().split(/\s+/);
  return { hash: hashJson({ declared: text }).hash, declared: text, ...launchedArtifact(words[0], words.slice(1)) };
}

/** One-line human form of a launch identity, for messages. */
export function describeLaunch(launch: LaunchPin): string {
  if (launch.url !== undefined) return launch.transport !== undefined ? `${launch.transport} ${launch.url}` : launch.url;
  if (launch.command !== undefined) return [launch.command, ...(launch.args ?? [])].join(' ');
  if (launch.declared !== undefined) return launch.declared;
  return 'launch not recorded';
}
