/**
 * @module pinning/identity
 * Launch identity: the part of a server's key that says which code runs or which endpoint answers.
 * A server keeps its name; if its launch identity moves (new package version, new image tag, new
 * URL), that is drift of its own kind ("server identity changed").
 */
import { parseLaunch } from '../analysis/launch.js';
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

/**
 * What package or image a runner command fetches and runs (npx, pnpm dlx, bunx, uvx, pipx run,
 * docker/podman run, deno, also through shell wrappers), for "version moved" messages. Uses the
 * shared launch parser (analysis/launch.ts), so pinning and the config rules read command lines
 * the same way.
 */
export function launchedArtifact(command: string | undefined, args: readonly string[]): { package?: string; image?: string } {
  if (command === undefined) return {};
  const main = parseLaunch({ command, args }).runners[0]?.packages[0];
  if (main === undefined) return {};
  return main.ecosystem === 'oci' ? { image: main.spec } : { package: main.spec };
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
  return { hash: hashJson({ declared: text }).hash, declared: text, ...launchedArtifact(text.trim(), []) };
}

/** One-line human form of a launch identity, for messages. */
export function describeLaunch(launch: LaunchPin): string {
  if (launch.url !== undefined) return launch.transport !== undefined ? `${launch.transport} ${launch.url}` : launch.url;
  if (launch.command !== undefined) return [launch.command, ...(launch.args ?? [])].join(' ');
  if (launch.declared !== undefined) return launch.declared;
  return 'launch not recorded';
}
