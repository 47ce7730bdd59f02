/**
 * @module sandbox/registries
 * The package registries the user's launchers are configured to use (an npm mirror in ~/.npmrc, a
 * pip index in PIP_INDEX_URL, ...). A sandboxed server cannot read ~/.npmrc (it may hold tokens)
 * and gets only a safe environment, so without this `npx -y` inside the sandbox would fall back
 * to registry.npmjs.org, which a mirror-only network does not reach. We read the registry URLs
 * outside the sandbox, allow their hosts and hand the URLs (never credentials) to the server: npm's
 * in a generated .npmrc (scoped registries cannot travel in environment variables), pip's and uv's
 * in their variables.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RegistrySettings {
  /** Hosts to allow through the sandbox's network filter (host names, lower case). */
  hosts: string[];
  /** Variables for the server's environment (pip and uv index URLs). */
  env: Record<string, string>;
  /**
   * An .npmrc with the npm registry settings only (no tokens), for the server's
   * `npm_config_userconfig`; empty when npm is not configured beyond its defaults.
   */
  npmrc: string;
  /** Facts for the report: where each registry came from; credentials that were dropped. */
  notes: string[];
}

export interface RegistryLookup {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Node's install prefix, for the global npmrc (default: derived from process.execPath). */
  prefix?: string;
  /** Reads a file or returns undefined (tests substitute). */
  readFile?: (path: string) => string | undefined;
}

/** pip and uv variables that name an index; the `*EXTRA*` and `UV_INDEX` ones hold several, space-separated. */
const PYTHON_INDEX_VARS = ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX'] as const;

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function envValue(env: RegistryLookup['env'], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(env)) if (k.toLowerCase() === lower && v !== undefined && v !== '') return v;
  return undefined;
}

/** npm expands `${VAR}` in .npmrc values from the environment. */
function expand(value: string, env: RegistryLookup['env']): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]{0,127})\}/g, (_m, name: string) => env[name] ?? '');
}

/** Non-secret .npmrc settings a mirror may need besides its URL (a private CA). */
const NPM_TRANSPORT_KEYS = new Set(['cafile', 'strict-ssl']);

function isRegistryKey(key: string): boolean {
  return key === 'registry' || /^@[^\s:]{1,214}:registry$/.test(key);
}

/** `registry`, `@scope:registry`, `cafile` and `strict-ssl` entries of one .npmrc text, in file order. */
export function npmrcRegistries(text: string, env: RegistryLookup['env']): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    if (!isRegistryKey(key) && !NPM_TRANSPORT_KEYS.has(key)) continue;
    const value = expand(line.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'), env);
    if (value !== '') out.push({ key, value });
  }
  return out;
}

/** The URL without user name or password, and whether it had any; undefined when not an http(s) URL. */
function withoutCredentials(url: string): { url: string; hadCredentials: boolean; host: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const hadCredentials = u.username !== '' || u.password !== '';
  u.username = '';
  u.password = '';
  return { url: u.toString(), hadCredentials, host: u.hostname.toLowerCase() };
}

/**
 * npm's registry settings in npm's own precedence: environment (`npm_config_registry`), user
 * config (`npm_config_userconfig` or ~/.npmrc), global config (`npm_config_globalconfig` or
 * PREFIX/etc/npmrc). Scoped registries (`@scope:registry`) come along: a server may depend on them.
 */
function npmSettings(lookup: RegistryLookup, read: (p: string) => string | undefined): { key: string; value: string; from: string }[] {
  const found = new Map<string, { key: string; value: string; from: string }>();
  const add = (entries: { key: string; value: string }[], from: string) => {
    for (const e of entries) if (!found.has(e.key)) found.set(e.key, { ...e, from });
  };
  const fromEnv = envValue(lookup.env, 'npm_config_registry');
  if (fromEnv !== undefined) add([{ key: 'registry', value: fromEnv }], 'npm_config_registry');
  const userconfig = envValue(lookup.env, 'npm_config_userconfig') ?? join(lookup.home, '.npmrc');
  const userText = read(userconfig);
  if (userText !== undefined) add(npmrcRegistries(userText, lookup.env), userconfig);
  const prefix = lookup.prefix ?? envValue(lookup.env, 'npm_config_prefix') ?? dirname(dirname(process.execPath));
  const globalconfig = envValue(lookup.env, 'npm_config_globalconfig') ?? join(prefix, 'etc', 'npmrc');
  const globalText = read(globalconfig);
  if (globalText !== undefined) add(npmrcRegistries(globalText, lookup.env), globalconfig);
  return [...found.values()];
}

/** Reads the configured registries. Never throws; unreadable files count as absent. */
export function configuredRegistries(lookup: RegistryLookup): RegistrySettings {
  const read = lookup.readFile ?? readOrUndefined;
  const hosts = new Set<string>();
  const env: Record<string, string> = {};
  const notes: string[] = [];
  const npmrc: string[] = [];
  for (const s of npmSettings(lookup, read)) {
    if (!isRegistryKey(s.key)) {
      npmrc.push(`${s.key}=${s.value}`);
      continue;
    }
    const clean = withoutCredentials(s.value);
    if (!clean) continue;
    hosts.add(clean.host);
    npmrc.push(`${s.key}=${clean.url}`);
    if (s.key === 'registry' && clean.host !== 'registry.npmjs.org') notes.push(`npm registry ${clean.host} (from ${s.from}) allowed in the sandbox`);
    if (clean.hadCredentials) notes.push(`credentials in the npm ${s.key} URL (from ${s.from}) were not passed to sandboxed servers`);
  }
  for (const name of PYTHON_INDEX_VARS) {
    const value = lookup.env[name];
    if (value === undefined || value === '') continue;
    const cleaned: string[] = [];
    for (const word of value.split(/\s+/).filter((w) => w !== '')) {
      const eq = word.indexOf('=');
      const prefix = eq > 0 && !word.slice(0, eq).includes('/') ? word.slice(0, eq + 1) : ''; // uv's `name=url`
      const clean = withoutCredentials(word.slice(prefix.length));
      if (!clean) continue;
      hosts.add(clean.host);
      cleaned.push(prefix + clean.url);
      if (clean.hadCredentials) notes.push(`credentials in ${name} were not passed to sandboxed servers`);
    }
    if (cleaned.length > 0) env[name] = cleaned.join(' ');
  }
  return { hosts: [...hosts].sort(), env, npmrc: npmrc.length > 0 ? `${npmrc.join('\n')}\n` : '', notes };
}
