/**
 * @module mcp/launch
 * Turns a declared ServerEntry into a concrete launch: placeholders resolved, the child's
 * environment built from a safe default plus the declared variables (never our whole environment).
 */
import { DEFAULT_INHERITED_ENV_VARS } from '@modelcontextprotocol/client/stdio';
import type { ServerEntry } from '../model/index.js';
import { resolvePlaceholders, type Env } from './placeholders.js';

/** A placeholder that had no value, and the field it was in (`env.GITHUB_TOKEN`, `args.2`, `url`). */
export interface MissingPlaceholder {
  field: string;
  placeholder: string;
}

export interface StdioLaunch {
  kind: 'stdio';
  command: string;
  args: string[];
  /** Declared working directory, resolved; undefined = the run's temp dir. */
  cwd?: string;
  /** Declared environment, resolved; variables with a missing placeholder are left out. */
  env: Record<string, string>;
  /** Placeholders that could not be resolved (their variables or headers were left out). */
  missing: MissingPlaceholder[];
}

export interface RemoteLaunch {
  kind: 'remote';
  transport: 'http' | 'sse';
  url: string;
  headers: Record<string, string>;
  missing: MissingPlaceholder[];
}

export type Launch = StdioLaunch | RemoteLaunch;

export type LaunchPlan = { ok: true; launch: Launch } | { ok: false; reason: string; missing: MissingPlaceholder[] };

function describeMissing(missing: readonly MissingPlaceholder[]): string {
  return missing.map((m) => `${m.placeholder} in ${m.field}`).join(', ');
}

/** Human summary of unresolved placeholders, for notes and error hints. */
export function missingSummary(missing: readonly MissingPlaceholder[]): string {
  return `unresolved placeholders (left unset): ${describeMissing(missing)}; set them in the environment to pass them on`;
}

/**
 * Plans how to reach `entry`. Placeholders in the command, arguments, working directory or URL
 * make the server unlaunchable (running it with literal `${...}` text would test something else);
 * in env values and headers the variable or header is left out and reported.
 */
export function planLaunch(entry: ServerEntry, env: Env): LaunchPlan {
  const fatal: MissingPlaceholder[] = [];
  const missing: MissingPlaceholder[] = [];
  const must = (field: string, text: string): string => {
    const r = resolvePlaceholders(text, env);
    for (const p of r.missing) fatal.push({ field, placeholder: p });
    return r.value;
  };
  const optional = (into: Record<string, string>, prefix: string, record: Record<string, string>) => {
    for (const [k, v] of Object.entries(record)) {
      const r = resolvePlaceholders(v, env);
      if (r.missing.length > 0) for (const p of r.missing) missing.push({ field: `${prefix}.${k}`, placeholder: p });
      else into[k] = r.value;
    }
  };

  if (entry.transport === 'stdio') {
    if (entry.command === undefined || entry.command.trim() === '') return { ok: false, reason: 'no command declared', missing: [] };
    const command = must('command', entry.command);
    const args = entry.args.map((a, i) => must(`args.${i}`, a));
    const cwd = entry.cwd === undefined ? undefined : must('cwd', entry.cwd);
    const childEnv: Record<string, string> = {};
    optional(childEnv, 'env', entry.env);
    if (fatal.length > 0) return { ok: false, reason: `cannot launch with unresolved placeholders: ${describeMissing(fatal)}`, missing: [...fatal, ...missing] };
    return { ok: true, launch: { kind: 'stdio', command, args, ...(cwd !== undefined ? { cwd } : {}), env: childEnv, missing } };
  }
  if (entry.url === undefined || entry.url.trim() === '') return { ok: false, reason: 'no URL declared', missing: [] };
  const url = must('url', entry.url);
  const headers: Record<string, string> = {};
  optional(headers, 'headers', entry.headers);
  if (fatal.length > 0) return { ok: false, reason: `cannot connect with unresolved placeholders: ${describeMissing(fatal)}`, missing: [...fatal, ...missing] };
  return { ok: true, launch: { kind: 'remote', transport: entry.transport, url, headers, missing } };
}

/**
 * The child's environment: the variables the MCP SDK deems safe to inherit (HOME, PATH, USER, ...)
 * taken from `host`, then the declared ones. Shell functions exported as `()...` are skipped, as
 * the SDK does.
 */
export function childEnvironment(declared: Readonly<Record<string, string>>, host: Env, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of DEFAULT_INHERITED_ENV_VARS) {
    const v = host[key];
    if (v === undefined || v.startsWith('()')) continue;
    out[key] = v;
  }
  return { ...out, ...extra, ...declared };
}
