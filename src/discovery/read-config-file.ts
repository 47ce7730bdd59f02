/**
 * @module discovery/read-config-file
 * The only file-system access discovery does: reading one config file defensively, and listing a
 * drop-in directory. Absent files are normal (most clients are not installed); everything else
 * that prevents a check is a ScanError naming the path.
 *
 * The calls are synchronous on purpose: a scan stats and reads thousands of tiny files one after
 * another, and a thread-pool round trip per call made discovery about five times slower
 * (bench/discovery.mjs). The functions stay async so callers need not care.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ScanError } from '../model/index.js';

/** Config files larger than this are refused: no client writes one, and parsing it could stall a scan. */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/** Entries looked at in one directory candidate, all levels together. */
export const MAX_DIRECTORY_ENTRIES = 10_000;

export type ReadResult =
  | { status: 'ok'; text: string; mode: number }
  | { status: 'absent' }
  | { status: 'error'; error: ScanError };

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Maps a file-system error to the ScanError a reader sees (exported for tests). */
export function describeReadError(path: string, err: unknown): ScanError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { kind: 'symlink-loop', source: path, message: `${path}: symbolic link loop` };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'read', source: path, message: `${path}: permission denied` };
  if (code === 'EISDIR') return { kind: 'read', source: path, message: `${path}: is a directory, expected a config file` };
  if (code === 'ENAMETOOLONG') return { kind: 'read', source: path, message: `${path.slice(0, 200)}…: path too long to open` };
  // A path taken from a config file (a Claude Code project key, a plugin path) may hold a NUL byte.
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') return { kind: 'read', source: path, message: `${JSON.stringify(path)}: not a valid file path` };
  return { kind: 'read', source: path, message: `${path}: ${(err as Error).message}` };
}

/** The real path of a file (symlinks resolved), or its absolute path when it cannot be resolved. */
export async function canonicalPath(path: string): Promise<string> {
  try {
    return realpathSync.native(path);
  } catch {
    // Missing files and symlink loops have no real path; the read that follows reports the latter.
    return resolve(path);
  }
}

/**
 * Reads a config file defensively: absent files are not errors; a directory, a FIFO or device,
 * a file over 10 MB, binary content, a symlink loop or a permission problem is a ScanError.
 * The size is checked on the open descriptor and the read is bounded, so a file swapped or grown
 * between the check and the read cannot make the scan read more than the limit.
 */
export async function readConfigFile(path: string): Promise<ReadResult> {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { status: 'error', error: { kind: 'read', source: path, message: `${path}: is a directory, expected a config file` } };
    // Opening a FIFO blocks until a writer appears, and a device can stream forever: refuse both.
    if (!st.isFile()) return { status: 'error', error: { kind: 'read', source: path, message: `${path}: not a regular file (FIFO, socket or device); not read` } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A dangling symlink is worth reporting; a missing file is not.
      try {
        lstatSync(path);
        return { status: 'error', error: { kind: 'read', source: path, message: `${path}: symbolic link points to a missing file` } };
      } catch {
        return { status: 'absent' };
      }
    }
    return { status: 'error', error: describeReadError(path, err) };
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { status: 'error', error: describeReadError(path, err) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { status: 'error', error: { kind: 'read', source: path, message: `${path}: not a regular file; not read` } };
    if (st.size > MAX_CONFIG_BYTES) {
      return { status: 'error', error: { kind: 'too-large', source: path, message: `${path}: ${st.size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit for config files; not scanned` } };
    }
    const buf = Buffer.alloc(Math.min(st.size, MAX_CONFIG_BYTES) + 1);
    let length = 0;
    while (length < buf.length) {
      const bytesRead = readSync(fd, buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) {
      return { status: 'error', error: { kind: 'too-large', source: path, message: `${path}: grew past the ${MAX_CONFIG_BYTES}-byte limit while being read; not scanned` } };
    }
    const content = buf.subarray(0, length);
    if (looksBinary(content)) return { status: 'error', error: { kind: 'binary', source: path, message: `${path}: binary content (NUL bytes), not a config file` } };
    let text = content.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { status: 'ok', text, mode: st.mode & 0o777 };
  } catch (err) {
    return { status: 'error', error: describeReadError(path, err) };
  } finally {
    closeSync(fd);
  }
}

export interface DirectoryListing {
  /** Matching files, sorted, as absolute paths. */
  files: string[];
  error?: ScanError;
}

/** Folders no client keeps MCP config in, and which can be huge: never walked. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Lists files under `dir` whose `/`-separated relative path matches `match`, up to `depth` levels.
 * A missing directory is empty; a file where a directory is expected, an unreadable directory or
 * a runaway listing is reported. Symlinked directories are followed once (cycles are cut);
 * `node_modules` and `.git` are not entered.
 */
export async function listDirectory(dir: string, match: RegExp, depth: number, maxEntries = MAX_DIRECTORY_ENTRIES): Promise<DirectoryListing> {
  const files: string[] = [];
  const visited = new Set<string>();
  let budget = maxEntries;
  let error: ScanError | undefined;

  async function walk(abs: string, rel: string, level: number): Promise<void> {
    const real = await canonicalPath(abs);
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code === 'ENOTDIR') {
        error ??= { kind: 'read', source: abs, message: `${abs}: is a file, expected a directory of config files` };
        return;
      }
      error ??= describeReadError(abs, err);
      return;
    }
    for (const name of names) {
      if (--budget < 0) {
        error ??= { kind: 'limit', source: dir, message: `${dir}: more than ${maxEntries} entries; the rest were not checked` };
        return;
      }
      const childAbs = join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = statSync(childAbs);
      } catch {
        // Dangling links and loops inside drop-in folders: a matching file is read (and reported) below.
        if (match.test(childRel)) files.push(childAbs);
        continue;
      }
      if (st.isDirectory()) {
        if (level < depth && !SKIPPED_DIRS.has(name)) await walk(childAbs, childRel, level + 1);
      } else if (match.test(childRel)) files.push(childAbs);
    }
  }

  await walk(dir, '', 1);
  return { files, ...(error ? { error } : {}) };
}
