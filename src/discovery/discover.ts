import { resolve } from 'node:path';
import type { ScanError, ServerEntry } from '../model/index.js';
import { ADAPTERS } from './index.js';
import type { ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
import { readConfigFile } from './read-config-file.js';
import { formatFromPath, parseConfigDocument } from './parse-document.js';

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

/** Guards against plugin/drop-in expansion running away (a directory of thousands of files, or cycles). */
const MAX_FILES_PER_CLIENT = 500;

async function readCandidate(adapter: ClientConfigAdapter, candidate: ConfigCandidate, env: DiscoveryEnv, out: DiscoveryResult, seen: Set<string>): Promise<void> {
  const key = `${adapter.id}\u0000${candidate.path}`;
  if (seen.has(key)) return;
  seen.add(key);
  const read = await readConfigFile(candidate.path);
  if (read.status === 'absent') return;
  if (read.status === 'error') {
    out.errors.push({ ...read.error, client: adapter.id });
    return;
  }
  if (read.text.trim() === '') return; // an empty file declares nothing; clients treat it the same way
  const parsed = parseConfigDocument(candidate.path, read.text, candidate.format);
  if (!parsed.ok) {
    out.errors.push({ ...parsed.error, client: adapter.id });
    return;
  }
  const result = adapter.parse(parsed.doc, candidate);
  out.entries.push(...result.entries);
  out.errors.push(...result.errors);
  out.files.push({ path: candidate.path, client: adapter.id, mode: read.mode, servers: result.entries.length });
  if (adapter.expand) {
    for (const extra of adapter.expand(parsed.doc, candidate, env)) {
      if (seen.size > MAX_FILES_PER_CLIENT * ADAPTERS.length) break;
      await readCandidate(adapter, extra, env, out, seen);
    }
  }
}

/** Finds every server declared in every supported client's config files (no processes, no network). */
export async function discover(env: DiscoveryEnv, onlyClients?: readonly string[]): Promise<DiscoveryResult> {
  const out: DiscoveryResult = { entries: [], errors: [], files: [] };
  const seen = new Set<string>();
  for (const adapter of ADAPTERS) {
    if (onlyClients && onlyClients.length > 0 && !onlyClients.includes(adapter.id)) continue;
    for (const candidate of adapter.candidates(env)) await readCandidate(adapter, candidate, env, out, seen);
  }
  return out;
}

/**
 * Reads one explicitly given config file, detecting which client's shape it has. The file must
 * exist: unlike discovery, a missing --config file is an error.
 */
export async function discoverFile(path: string, env: DiscoveryEnv, forcedClient?: string): Promise<DiscoveryResult> {
  const abs = resolve(path);
  const out: DiscoveryResult = { entries: [], errors: [], files: [] };
  const read = await readConfigFile(abs);
  if (read.status === 'absent') {
    out.errors.push({ kind: 'read', source: abs, message: `${abs}: no such file` });
    return out;
  }
  if (read.status === 'error') {
    out.errors.push(read.error);
    return out;
  }
  const parsed = parseConfigDocument(abs, read.text, formatFromPath(abs));
  if (!parsed.ok) {
    out.errors.push(parsed.error);
    return out;
  }
  const candidates = forcedClient ? ADAPTERS.filter((a) => a.id === forcedClient) : ADAPTERS;
  let best: ClientConfigAdapter | undefined;
  let bestScore = 0;
  for (const a of candidates) {
    const score = a.detect(parsed.doc);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  if (!best) {
    out.errors.push({ kind: 'invalid', source: abs, message: `${abs}: not a recognised MCP client config (no mcpServers, servers, mcp_servers, context_servers, extensions or mcp section found)` });
    return out;
  }
  const result = best.parse(parsed.doc, { path: abs, scope: 'file', format: parsed.doc.format });
  out.entries.push(...result.entries);
  out.errors.push(...result.errors);
  out.files.push({ path: abs, client: best.id, mode: read.mode, servers: result.entries.length });
  return out;
}
