/**
 * @module discovery/discover
 * Orchestration: asks every adapter for its candidate paths, reads each file once, parses it, hands
 * it to the adapter, and follows `expand` (Claude Code projects and plugins). Everything that stops
 * a file from being checked becomes a ScanError naming the file; nothing here throws for bad input.
 */
import { resolve } from 'node:path';
import type { ScanError, ServerEntry } from '../model/index.js';
import { ADAPTERS } from './index.js';
import { isDirectoryCandidate, type Candidate, type ClientConfigAdapter, type ConfigCandidate, type DiscoveryEnv } from './types.js';
import { canonicalPath, listDirectory, readConfigFile } from './read-config-file.js';
import { formatFromPath, parseConfigDocument, type ConfigDocument } from './parse-document.js';

export interface DiscoveredFile {
  path: string;
  client: string;
  mode: number;
  servers: number;
}

export interface DiscoveryResult {
  entries: ServerEntry[];
  errors: ScanError[];
  /** Config files that were found and read, with their permission bits. */
  files: DiscoveredFile[];
}

/**
 * Caps on what one scan reads. No real machine comes near them; they stop a hostile or runaway
 * layout (a drop-in folder of millions of files, a projects list of millions of paths) from turning
 * a scan into a hang.
 */
export const DISCOVERY_LIMITS = {
  /** Files read (or found absent) in one scan, across all clients. */
  files: 20_000,
  /** Levels of `expand` (file → plugin list → plugin manifest → server file). */
  expandDepth: 3,
} as const;

interface State {
  out: DiscoveryResult;
  /** Canonical paths already visited: the same file reached twice is read once. */
  seen: Set<string>;
  limitReported: boolean;
}

function internalError(path: string, client: string, err: unknown): ScanError {
  return { kind: 'internal', source: path, client, message: `${path}: could not be read as a ${client} config: ${err instanceof Error ? err.message : String(err)}` };
}

/** Marks entries the client disables elsewhere (e.g. rejected `.mcp.json` servers). */
function applyDisabled(entries: ServerEntry[], candidate: ConfigCandidate): ServerEntry[] {
  const names = candidate.disabledServers;
  if (!names || names.length === 0) return entries;
  return entries.map((e) => (names.includes(e.name) ? { ...e, disabled: true } : e));
}

async function visitFile(adapter: ClientConfigAdapter, candidate: ConfigCandidate, env: DiscoveryEnv, state: State, depth: number): Promise<void> {
  const key = await canonicalPath(candidate.path);
  if (state.seen.has(key)) return;
  if (state.seen.size >= DISCOVERY_LIMITS.files) {
    if (!state.limitReported) {
      state.limitReported = true;
      state.out.errors.push({ kind: 'limit', source: candidate.path, client: adapter.id, message: `stopped after ${DISCOVERY_LIMITS.files} config paths; ${candidate.path} and later paths were not checked` });
    }
    return;
  }
  state.seen.add(key);
  const read = await readConfigFile(candidate.path);
  if (read.status === 'absent') return;
  if (read.status === 'error') {
    state.out.errors.push({ ...read.error, client: adapter.id });
    return;
  }
  if (read.text.trim() === '') return; // an empty file declares nothing; clients treat it the same way
  const parsed = parseConfigDocument(candidate.path, read.text, candidate.format);
  if (!parsed.ok) {
    state.out.errors.push({ ...parsed.error, client: adapter.id });
    return;
  }
  let entries: ServerEntry[];
  try {
    const result = adapter.parse(parsed.doc, candidate);
    entries = applyDisabled(result.entries, candidate);
    state.out.errors.push(...result.errors);
  } catch (err) {
    state.out.errors.push(internalError(candidate.path, adapter.id, err));
    return;
  }
  state.out.entries.push(...entries);
  state.out.files.push({ path: candidate.path, client: adapter.id, mode: read.mode, servers: entries.length });
  if (adapter.expand && depth < DISCOVERY_LIMITS.expandDepth) {
    let extra: Candidate[];
    try {
      extra = adapter.expand(parsed.doc, candidate, env);
    } catch (err) {
      state.out.errors.push(internalError(candidate.path, adapter.id, err));
      return;
    }
    for (const c of extra) await visit(adapter, c, env, state, depth + 1);
  }
}

async function visit(adapter: ClientConfigAdapter, candidate: Candidate, env: DiscoveryEnv, state: State, depth: number): Promise<void> {
  if (!isDirectoryCandidate(candidate)) return visitFile(adapter, candidate, env, state, depth);
  const listing = await listDirectory(candidate.dir, candidate.match, candidate.depth);
  if (listing.error) state.out.errors.push({ ...listing.error, client: adapter.id });
  const { dir: _dir, match: _match, depth: _depth, ...base } = candidate;
  for (const path of listing.files) await visitFile(adapter, { ...base, path, format: formatFromPath(path) }, env, state, depth);
}

/** Finds every server declared in every supported client's config files (no processes, no network). */
export async function discover(env: DiscoveryEnv, onlyClients?: readonly string[]): Promise<DiscoveryResult> {
  const state: State = { out: { entries: [], errors: [], files: [] }, seen: new Set(), limitReported: false };
  for (const adapter of ADAPTERS) {
    if (onlyClients && onlyClients.length > 0 && !onlyClients.includes(adapter.id)) continue;
    for (const candidate of adapter.candidates(env)) await visit(adapter, candidate, env, state, 0);
  }
  return state.out;
}

/** Picks the adapter whose shape fits a document best (highest `detect` score; ties to the first listed). */
export function detectAdapter(doc: ConfigDocument, among: readonly ClientConfigAdapter[] = ADAPTERS): ClientConfigAdapter | undefined {
  let best: ClientConfigAdapter | undefined;
  let bestScore = 0;
  for (const a of among) {
    const score = a.detect(doc);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses config text as if it were the file at `path` (client detected from shape and name, as for
 * --config). Touches no file: this is the in-memory entry point for tests and for callers that
 * already hold the text. `mode` is the file's permission bits, when known.
 */
export function discoverText(path: string, text: string, forcedClient?: string, mode = 0o600): DiscoveryResult {
  const out: DiscoveryResult = { entries: [], errors: [], files: [] };
  if (text.trim() === '') {
    out.errors.push({ kind: 'invalid', source: path, message: `${path}: empty file, no MCP servers declared` });
    return out;
  }
  const parsed = parseConfigDocument(path, text, formatFromPath(path));
  if (!parsed.ok) {
    out.errors.push(parsed.error);
    return out;
  }
  const among = forcedClient ? ADAPTERS.filter((a) => a.id === forcedClient) : ADAPTERS;
  const adapter = detectAdapter(parsed.doc, among);
  if (!adapter) {
    const what = forcedClient ? `a ${forcedClient} config` : 'a recognised MCP client config (no mcpServers, servers, mcp_servers, context_servers, extensions or mcp section found)';
    out.errors.push({ kind: 'invalid', source: path, message: `${path}: not ${what}` });
    return out;
  }
  try {
    const result = adapter.parse(parsed.doc, { path, scope: 'file', format: parsed.doc.format });
    out.entries.push(...result.entries);
    out.errors.push(...result.errors);
    out.files.push({ path, client: adapter.id, mode, servers: result.entries.length });
  } catch (err) {
    out.errors.push(internalError(path, adapter.id, err));
  }
  return out;
}

/**
 * Reads one explicitly given config file, detecting which client's shape it has. The file must
 * exist: unlike discovery, a missing --config file is an error.
 */
export async function discoverFile(path: string, _env: DiscoveryEnv, forcedClient?: string): Promise<DiscoveryResult> {
  const abs = resolve(path);
  const read = await readConfigFile(abs);
  if (read.status === 'absent') return { entries: [], errors: [{ kind: 'read', source: abs, message: `${abs}: no such file` }], files: [] };
  if (read.status === 'error') return { entries: [], errors: [read.error], files: [] };
  return discoverText(abs, read.text, forcedClient, read.mode);
}

/** Reads each --config file once (the same file named twice, or through a symlink, is read once). */
export async function discoverFiles(paths: readonly string[], env: DiscoveryEnv, forcedClient?: string): Promise<DiscoveryResult> {
  const out: DiscoveryResult = { entries: [], errors: [], files: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    const key = await canonicalPath(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const r = await discoverFile(path, env, forcedClient);
    out.entries.push(...r.entries);
    out.errors.push(...r.errors);
    out.files.push(...r.files);
  }
  return out;
}
