/**
 * @module discovery/locations
 * What `mcp-warden clients` prints: every path each client is checked at on this machine (or a
 * fixture home), and whether something is there. Paths found through another file (Claude Code's
 * project list and plugins) are listed under the file that names them.
 */
import { stat } from 'node:fs/promises';
import { ADAPTERS } from './index.js';
import { isDirectoryCandidate, type Candidate, type ClientConfigAdapter, type DiscoveryEnv } from './types.js';
import { listDirectory, readConfigFile } from './read-config-file.js';
import { parseConfigDocument } from './parse-document.js';
import type { Scope } from '../model/index.js';

export type LocationStatus = 'found' | 'missing' | 'unreadable' | 'not-a-file' | 'not-a-directory';

export interface Location {
  /** A file path, or a directory whose files matching `pattern` are read. */
  path: string;
  /** For folders: which files in it are read, as a glob relative to the folder. */
  pattern?: string;
  scope: Scope;
  label?: string;
  project?: string;
  status: LocationStatus;
  /** For folders: how many matching files were found. */
  files?: number;
  /** The file that named this location (Claude Code projects and plugins). */
  via?: string;
}

export interface ClientLocations {
  id: string;
  displayName: string;
  docs: string;
  locations: Location[];
}

async function fileStatus(path: string): Promise<LocationStatus> {
  try {
    const st = await stat(path);
    return st.isFile() ? 'found' : 'not-a-file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

async function describe(adapter: ClientConfigAdapter, c: Candidate, env: DiscoveryEnv, out: Location[], via: string | undefined, depth: number): Promise<void> {
  const base = { scope: c.scope, ...(c.label !== undefined ? { label: c.label } : {}), ...(c.project !== undefined ? { project: c.project } : {}), ...(via !== undefined ? { via } : {}) };
  if (isDirectoryCandidate(c)) {
    const listing = await listDirectory(c.dir, c.match, c.depth);
    let status: LocationStatus = 'found';
    try {
      if (!(await stat(c.dir)).isDirectory()) status = 'not-a-directory';
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      status = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
    }
    out.push({ ...base, path: c.dir, pattern: c.glob, status, files: listing.files.length });
    return;
  }
  const status = await fileStatus(c.path);
  out.push({ ...base, path: c.path, status });
  if (status !== 'found' || !adapter.expand || depth >= 2) return;
  const read = await readConfigFile(c.path);
  if (read.status !== 'ok') return;
  const parsed = parseConfigDocument(c.path, read.text, c.format);
  if (!parsed.ok) return;
  let extra: Candidate[] = [];
  try {
    extra = adapter.expand(parsed.doc, c, env);
  } catch {
    // Listing is best effort; `scan` reports the same problem as a ScanError.
    return;
  }
  for (const e of extra) await describe(adapter, e, env, out, c.path, depth + 1);
}

/** Every location each client is checked at, with what is there. */
export async function listClientLocations(env: DiscoveryEnv, onlyClients?: readonly string[]): Promise<ClientLocations[]> {
  const out: ClientLocations[] = [];
  for (const adapter of ADAPTERS) {
    if (onlyClients && onlyClients.length > 0 && !onlyClients.includes(adapter.id)) continue;
    const locations: Location[] = [];
    for (const c of adapter.candidates(env)) await describe(adapter, c, env, locations, undefined, 0);
    out.push({ id: adapter.id, displayName: adapter.displayName, docs: adapter.docs, locations });
  }
  return out;
}
