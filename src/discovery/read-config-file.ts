import { readFile, stat, lstat } from 'node:fs/promises';
import type { ScanError } from '../model/index.js';

/** Config files larger than this are refused: no client writes one, and parsing it could stall a scan. */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { status: 'ok'; text: string; mode: number }
  | { status: 'absent' }
  | { status: 'error'; error: ScanError };

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * Reads a config file defensively: absent files are not errors (most clients are not installed);
 * everything else that prevents a check (too large, binary, symlink loop, unreadable) is a ScanError
 * naming the file.
 */
export async function readConfigFile(path: string): Promise<ReadResult> {
  let size: number;
  let mode: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { status: 'error', error: { kind: 'read', source: path, message: `${path}: is a directory, expected a config file` } };
    size = st.size;
    mode = st.mode & 0o777;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A dangling symlink is worth reporting; a missing file is not.
      try {
        await lstat(path);
        return { status: 'error', error: { kind: 'read', source: path, message: `${path}: symbolic link points to a missing file` } };
      } catch {
        return { status: 'absent' };
      }
    }
    if (code === 'ELOOP') return { status: 'error', error: { kind: 'symlink-loop', source: path, message: `${path}: symbolic link loop` } };
    if (code === 'EACCES' || code === 'EPERM') return { status: 'error', error: { kind: 'read', source: path, message: `${path}: permission denied` } };
    return { status: 'error', error: { kind: 'read', source: path, message: `${path}: ${(err as Error).message}` } };
  }
  if (size > MAX_CONFIG_BYTES) {
    return { status: 'error', error: { kind: 'too-large', source: path, message: `${path}: ${size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit for config files; not scanned` } };
  }
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    return { status: 'error', error: { kind: 'read', source: path, message: `${path}: ${why}` } };
  }
  if (looksBinary(buf)) return { status: 'error', error: { kind: 'binary', source: path, message: `${path}: binary content (NUL bytes), not a config file` } };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { status: 'ok', text, mode };
}
