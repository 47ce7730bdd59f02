/**
 * @module discovery/mcp-servers-map
 * The `{ "<name>": { command, args, env, url, headers, … } }` map most clients use, with each
 * client's quirks (URL key, transport names, defaults) given as a `ServerShape`.
 */
import type { ScanError, Scope, ServerEntry, Transport } from '../model/index.js';
import type { ConfigDocument, DocPath } from './document.js';
import {
  describeType,
  isRecord,
  ShapeErrors,
  stringField,
  stringList,
  stringMap,
  toEntry,
  valueAt,
  type Ref,
  type ServerDecl,
} from './server-decl.js';

/** Fields that configure authentication outside `headers` (Gemini CLI, Claude Code). */
const AUTH_KEYS = ['oauth', 'authProviderType', 'headersHelper', 'auth', 'bearer_token_env_var', 'env_http_headers'] as const;

/** `type` values clients write, lower-cased, and the transport each means. */
const DEFAULT_TYPES: Readonly<Record<string, Transport>> = {
  stdio: 'stdio',
  local: 'stdio',
  sse: 'sse',
  http: 'http',
  'streamable-http': 'http',
  streamable_http: 'http',
  streamablehttp: 'http',
  remote: 'http',
};

/** A URL whose path ends in /sse is the legacy SSE transport for clients that pick by URL. */
export function transportFromUrl(url: string): Transport {
  return /\/sse\/?(?:[?#]|$)/i.test(url) ? 'sse' : 'http';
}

/** How one client spells a server declaration. Every field has a default matching Claude's format. */
export interface ServerShape {
  /** Keys that may hold the remote URL, in priority order (default `url`). */
  urlKeys?: readonly string[];
  /** Keys that may hold the environment map (default `env`). */
  envKeys?: readonly string[];
  /** Accepted `type` values (lower-cased) and their transports; others are reported. */
  types?: Readonly<Record<string, Transport>>;
  /** Transport when no `type` is written; default: stdio for a command, else by URL. */
  inferTransport?: (decl: Record<string, unknown>, url: Ref<string> | undefined, urlKey: string | undefined) => Transport;
  /** The URL wins when both a command and a URL are written (Antigravity's `serverUrl`). */
  urlWinsOverCommand?: boolean;
  /** A server with neither command nor URL is legal here (it is reported as an entry anyway). */
  allowNoEndpoint?: boolean;
}

export interface MapOptions {
  client: string;
  scope: Scope;
  project?: string;
  /** Location of the map of servers inside the document, e.g. ['mcpServers']. */
  at: DocPath;
  shape?: ServerShape;
  /** Names the client marks disabled elsewhere. */
  disabledNames?: ReadonlySet<string>;
}

function inferDefault(decl: Record<string, unknown>, url: Ref<string> | undefined, urlKey: string | undefined): Transport {
  if (urlKey === 'httpUrl') return 'http';
  if (decl['command'] !== undefined || url === undefined) return 'stdio';
  return transportFromUrl(url.value);
}

/** Reads `enabled: false` / `disabled: true`; the switch's location is kept for fieldLines. */
export function disabledSwitch(decl: Record<string, unknown>, base: DocPath, errors: ShapeErrors, server: string): { disabled: boolean; at?: DocPath } {
  for (const [key, meansDisabled] of [['disabled', true], ['enabled', false]] as const) {
    const v = decl[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean') {
      errors.add([...base, key], `server "${server}": "${key}" should be true or false, found ${describeType(v)}`, server);
      continue;
    }
    return { disabled: v === meansDisabled, at: [...base, key] };
  }
  return { disabled: false };
}

/**
 * Translates one declaration in the common shape. Returns undefined (with a reason in `errors`)
 * when it cannot be understood well enough to check.
 */
export function commonDecl(name: string, decl: Record<string, unknown>, at: DocPath, shape: ServerShape, errors: ShapeErrors): ServerDecl | undefined {
  let command: Ref<string> | undefined;
  let args: Array<Ref<string>> = [];
  const rawCommand = decl['command'];
  if (Array.isArray(rawCommand)) {
    // OpenCode writes the whole command line as one array.
    const parts = stringList(rawCommand, [...at, 'command'], errors, name, 'command');
    command = parts[0];
    args = parts.slice(1);
  } else {
    command = stringField(decl, 'command', at, errors, name);
  }
  args = [...args, ...stringList(decl['args'], [...at, 'args'], errors, name, 'args')];

  const urlKey = (shape.urlKeys ?? ['url']).find((k) => decl[k] !== undefined && decl[k] !== null);
  const url = urlKey !== undefined ? stringField(decl, urlKey, at, errors, name) : undefined;
  const envKey = (shape.envKeys ?? ['env']).find((k) => decl[k] !== undefined);
  const env = envKey !== undefined ? stringMap(decl[envKey], [...at, envKey], errors, name, envKey) : [];
  const headers = stringMap(decl['headers'], [...at, 'headers'], errors, name, 'headers');
  const cwd = stringField(decl, 'cwd', at, errors, name);
  const sw = disabledSwitch(decl, at, errors, name);

  let transport: Transport;
  // `transportType` is Cline's older spelling; `transport` appears in hand-written files.
  const typeKey = ['type', 'transportType', 'transport'].find((k) => typeof decl[k] === 'string' && decl[k] !== '');
  const rawType = typeKey !== undefined ? String(decl[typeKey]) : undefined;
  if (typeKey !== undefined && rawType !== undefined) {
    const known = (shape.types ?? DEFAULT_TYPES)[rawType.toLowerCase()];
    if (known === undefined) {
      errors.add([...at, typeKey], `server "${name}": transport type "${rawType}" is not one mcp-warden can check (stdio, http, sse); server not checked`, name);
      return undefined;
    }
    transport = known;
  } else if (shape.urlWinsOverCommand && url !== undefined) {
    transport = transportFromUrl(url.value);
  } else {
    transport = (shape.inferTransport ?? inferDefault)(decl, url, urlKey);
  }

  if (command === undefined && url === undefined && !shape.allowNoEndpoint) {
    errors.add(at, `server "${name}": declares neither a command nor a URL; server not checked`, name);
    return undefined;
  }
  return {
    name,
    at,
    transport,
    ...(typeKey !== undefined ? { transportAt: [...at, typeKey] } : {}),
    ...(command !== undefined ? { command } : {}),
    args,
    env,
    ...(url !== undefined ? { url } : {}),
    headers,
    ...(cwd !== undefined ? { cwd } : {}),
    disabled: sw.disabled,
    ...(sw.at !== undefined ? { disabledAt: sw.at } : {}),
    authFields: AUTH_KEYS.filter((k) => decl[k] !== undefined && decl[k] !== null && decl[k] !== false),
  };
}

/**
 * A file holding the servers directly, without the `mcpServers` wrapper (some plugin and drop-in
 * files): a non-empty object whose every value is an object with a command, URL or type.
 */
export function isBareServerMap(v: unknown): boolean {
  if (!isRecord(v) || Object.keys(v).length === 0 || 'mcpServers' in v) return false;
  return Object.values(v).every((s) => isRecord(s) && (s['command'] !== undefined || s['url'] !== undefined || s['type'] !== undefined));
}

/** Reports a document whose top level is not an object; returns false in that case. */
export function requireObjectRoot(doc: ConfigDocument, errors: ShapeErrors): boolean {
  if (doc.value === undefined || doc.value === null || isRecord(doc.value)) return true;
  errors.add([], `the top level should be an object, found ${describeType(doc.value)}`);
  return false;
}

/**
 * Walks the map of servers at `opts.at` and builds one entry per declaration, with line numbers for
 * the declaration and each field. Declarations that are not objects become `invalid` ScanErrors.
 */
export function readMcpServersMap(doc: ConfigDocument, opts: MapOptions, errors = new ShapeErrors(doc, opts.client)): { entries: ServerEntry[]; errors: ScanError[] } {
  const entries: ServerEntry[] = [];
  if (!requireObjectRoot(doc, errors)) return { entries, errors: errors.list };
  const node = valueAt(doc.value, opts.at);
  if (node === undefined || node === null) return { entries, errors: errors.list };
  if (!isRecord(node)) {
    errors.add(opts.at, `"${opts.at.join('.')}" should be an object of servers, found ${describeType(node)}`);
    return { entries, errors: errors.list };
  }
  for (const [name, decl] of Object.entries(node)) {
    const at = [...opts.at, name];
    if (!isRecord(decl)) {
      errors.add(at, `server "${name}" should be an object, found ${describeType(decl)}`, name);
      continue;
    }
    const d = commonDecl(name, decl, at, opts.shape ?? {}, errors);
    if (!d) continue;
    if (opts.disabledNames?.has(name)) d.disabled = true;
    entries.push(toEntry(doc, d, { client: opts.client, scope: opts.scope, ...(opts.project !== undefined ? { project: opts.project } : {}) }));
  }
  return { entries, errors: errors.list };
}
