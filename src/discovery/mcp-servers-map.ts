import { serverEntry, type ScanError, type Scope, type ServerEntry, type Transport } from '../model/index.js';
import type { ConfigDocument, DocPath } from './document.js';

/** Fields that configure authentication outside `headers` (Codex, Gemini CLI, Claude Code). */
const AUTH_KEYS = ['bearer_token_env_var', 'env_http_headers', 'oauth', 'authProviderType', 'headersHelper', 'auth'] as const;

/** Field names clients use for the remote URL, most common first. */
const URL_KEYS = ['url', 'serverUrl', 'httpUrl'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringRecord(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = typeof val === 'string' ? val : JSON.stringify(val);
  return out;
}

function transportOf(decl: Record<string, unknown>, urlKey: string | undefined): Transport {
  const type = typeof decl['type'] === 'string' ? decl['type'].toLowerCase() : typeof decl['transport'] === 'string' ? decl['transport'].toLowerCase() : undefined;
  if (type === 'sse') return 'sse';
  if (type === 'http' || type === 'streamable-http' || type === 'streamablehttp' || type === 'remote') return 'http';
  if (type === 'stdio' || type === 'local') return 'stdio';
  if (urlKey === 'httpUrl') return 'http';
  if (urlKey !== undefined) {
    const url = String(decl[urlKey]);
    // Clients that infer the transport treat a /sse path as the legacy SSE transport.
    return /\/sse\/?(?:\?|$)/i.test(url) ? 'sse' : 'http';
  }
  return 'stdio';
}

export interface MapOptions {
  client: string;
  scope: Scope;
  /** Location of the map of servers inside the document, e.g. ['mcpServers']. */
  at: DocPath;
}

/**
 * Reads the common `{ "<name>": { command, args, env, url, headers, … } }` map that most clients use,
 * with line numbers for the declaration and each field. Entries that are not objects become
 * `invalid` ScanErrors naming the file and line.
 */
export function readMcpServersMap(doc: ConfigDocument, opts: MapOptions): { entries: ServerEntry[]; errors: ScanError[] } {
  const entries: ServerEntry[] = [];
  const errors: ScanError[] = [];
  let node: unknown = doc.value;
  for (const key of opts.at) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  if (node === undefined || node === null) return { entries, errors };
  if (!isRecord(node)) {
    errors.push({ kind: 'invalid', source: doc.path, client: opts.client, line: doc.lineOf(opts.at), message: `${doc.path}: "${opts.at.join('.')}" should be an object of servers, found ${Array.isArray(node) ? 'an array' : typeof node}` });
    return { entries, errors };
  }
  for (const [name, decl] of Object.entries(node)) {
    const at = [...opts.at, name];
    const line = doc.lineOf(at);
    if (!isRecord(decl)) {
      errors.push({ kind: 'invalid', source: doc.path, client: opts.client, server: name, line, message: `${doc.path}${line ? `:${line}` : ''}: server "${name}" should be an object, found ${Array.isArray(decl) ? 'an array' : typeof decl}` });
      continue;
    }
    entries.push(entryFromDeclaration(doc, name, decl, at, opts));
  }
  return { entries, errors };
}

/** Builds one ServerEntry from a declaration object in the common shape. */
export function entryFromDeclaration(doc: ConfigDocument, name: string, decl: Record<string, unknown>, at: DocPath, opts: { client: string; scope: Scope }): ServerEntry {
  const urlKey = URL_KEYS.find((k) => typeof decl[k] === 'string');
  const fieldLines: Record<string, number> = {};
  const note = (field: string, path: DocPath) => {
    const l = doc.lineOf([...at, ...path]);
    if (l !== undefined) fieldLines[field] = l;
  };
  let command = typeof decl['command'] === 'string' ? decl['command'] : undefined;
  let args = Array.isArray(decl['args']) ? decl['args'].map((a) => (typeof a === 'string' ? a : JSON.stringify(a))) : [];
  // Some clients (OpenCode) give the whole command line as an array.
  if (Array.isArray(decl['command'])) {
    const parts = decl['command'].map((a) => String(a));
    command = parts[0];
    args = [...parts.slice(1), ...args];
  }
  note('command', ['command']);
  args.forEach((_, i) => note(`args.${i}`, ['args', i]));
  const env = stringRecord(decl['env'] ?? decl['environment']);
  for (const k of Object.keys(env)) note(`env.${k}`, [decl['env'] !== undefined ? 'env' : 'environment', k]);
  const headers = stringRecord(decl['headers']);
  for (const k of Object.keys(headers)) note(`headers.${k}`, ['headers', k]);
  if (urlKey) note('url', [urlKey]);
  note('disabled', [decl['disabled'] !== undefined ? 'disabled' : 'enabled']);
  const disabled = decl['disabled'] === true || decl['enabled'] === false;
  return serverEntry({
    name,
    client: opts.client,
    scope: opts.scope,
    configFile: doc.path,
    line: doc.lineOf(at),
    pointer: '/' + at.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/'),
    transport: transportOf(decl, urlKey),
    command,
    args,
    env,
    url: urlKey ? String(decl[urlKey]) : undefined,
    headers,
    cwd: typeof decl['cwd'] === 'string' ? decl['cwd'] : undefined,
    disabled,
    authFields: AUTH_KEYS.filter((k) => decl[k] !== undefined && decl[k] !== null && decl[k] !== false),
    fieldLines,
  });
}
