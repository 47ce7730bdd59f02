/**
 * @module pinning/file
 * Lockfile I/O: bounded reads, atomic writes (temp file in the same directory, fsync, rename) and an
 * exclusive write lock, so two processes pinning at once never leave a torn or interleaved file and
 * never lose each other's update (each re-reads under the lock).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { LockfileError } from './lockfile.js';

/** Lockfiles larger than this are refused (10k tools take about 5 MB). */
export const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

/** Reads lockfile text; undefined when the file does not exist. */
export function readLockfileText(path: string): string | undefined {
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new LockfileError(path, undefined, 'is a directory, expected a lockfile');
    if (st.size > MAX_LOCKFILE_BYTES) throw new LockfileError(path, undefined, `${st.size} bytes is over the ${MAX_LOCKFILE_BYTES}-byte limit for lockfiles`);
    buf = readFileSync(path);
  } catch (err) {
    if (err instanceof LockfileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new WardenError(WardenErrorCode.Io, `${path}: cannot read lockfile: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message}`);
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const line = buf.subarray(0, nul).toString('utf8').split('\n').length;
    throw new LockfileError(path, line, 'binary content (NUL byte): the lockfile is corrupted', 'restore it from version control');
  }
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Replaces `path` with `text` atomically: readers see the old file or the new one, never a mix.
 * The temp file lives in the same directory (rename is atomic only within a filesystem).
 */
export function writeFileAtomic(path: string, text: string, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // The temp file was never created or is already renamed: nothing to clean.
    }
    throw new WardenError(WardenErrorCode.Io, `${path}: cannot write: ${(err as Error).message}`, { cause: err });
  }
  try {
    // Make the rename itself durable. Directories cannot be opened for fsync on Windows.
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Best effort: the data is written and renamed; only durability across a power cut is weaker.
  }
}

interface LockOwner {
  pid: number;
  host: string;
}

function readOwner(lockPath: string): { owner: LockOwner | undefined; raw: string } | undefined {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    try {
      const v = JSON.parse(raw) as Partial<LockOwner>;
      return { owner: typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host } : undefined, raw };
    } catch {
      return { owner: undefined, raw };
    }
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOptions {
  /** Give up waiting after this long (default 30 s). */
  timeoutMs?: number;
}

/**
 * Runs `fn` holding an exclusive lock on `path` (a `<path>.writelock` file created with O_EXCL).
 * A lock left by a process that no longer runs on this host is removed; a live one is waited for.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T> | T, opts: LockOptions = {}): Promise<T> {
  const lockPath = `${path}.writelock`;
  const me: LockOwner = { pid: process.pid, host: hostname() };
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let delay = 10;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new WardenError(WardenErrorCode.Io, `${lockPath}: cannot create write lock: ${(err as Error).message}`);
    }
    const seen = readOwner(lockPath);
    if (seen?.owner !== undefined && seen.owner.host === me.host && !processAlive(seen.owner.pid)) {
      // Stale: its writer died. Remove it only if it is still the same lock we inspected.
      const again = readOwner(lockPath);
      if (again?.raw === seen.raw) {
        try {
          unlinkSync(lockPath);
        } catch {
          // Another waiter removed it first; retry the create.
        }
      }
      continue;
    }
    if (Date.now() > deadline) {
      const who = seen?.owner ? `process ${seen.owner.pid} on ${seen.owner.host}` : 'another process';
      throw new WardenError(WardenErrorCode.Io, `${path}: ${who} is writing the lockfile`, {
        hint: `wait for it to finish; if no mcp-warden is running, delete ${lockPath}`,
      });
    }
    await new Promise((r) => setTimeout(r, delay + Math.floor(Math.random() * delay)));
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // Already gone (removed by hand); nothing else to release.
    }
  }
}
