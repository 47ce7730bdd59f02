import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLockfileText, withFileLock, writeFileAtomic } from '../../src/pinning/file.js';
import { LockfileError } from '../../src/pinning/lockfile.js';

const dir = () => mkdtempSync(join(tmpdir(), 'warden-file-'));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', () => {
    const d = dir();
    const f = join(d, 'mcp-warden.lock');
    writeFileAtomic(f, 'one\n');
    writeFileAtomic(f, 'two\n');
    expect(readFileSync(f, 'utf8')).toBe('two\n');
    expect(readdirSync(d)).toEqual(['mcp-warden.lock']);
  });

  it('applies the requested mode', () => {
    const f = join(dir(), 'k');
    writeFileAtomic(f, 'x', 0o600);
    if (process.platform !== 'win32') expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('fails with the path when the directory does not exist, and leaves nothing', () => {
    expect(() => writeFileAtomic(join(dir(), 'missing', 'x.lock'), 'x')).toThrow(/missing\/x\.lock: cannot write/);
  });
});

describe('readLockfileText', () => {
  it('returns undefined for an absent file and strips a BOM', () => {
    const d = dir();
    expect(readLockfileText(join(d, 'none.lock'))).toBeUndefined();
    writeFileSync(join(d, 'bom.lock'), '\ufeff{}');
    expect(readLockfileText(join(d, 'bom.lock'))).toBe('{}');
  });

  it('refuses binary content, naming the line', () => {
    const f = join(dir(), 'bin.lock');
    writeFileSync(f, Buffer.from('{\n"a":\n\u0000\u0001'));
    expect(() => readLockfileText(f)).toThrow(LockfileError);
    expect(() => readLockfileText(f)).toThrow(/bin\.lock:3: binary content/);
  });

  it('refuses a directory', () => {
    expect(() => readLockfileText(dir())).toThrow(/is a directory/);
  });
});

describe('withFileLock', () => {
  it('runs critical sections one at a time within a process', async () => {
    const f = join(dir(), 'x.lock');
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withFileLock(f, async () => {
      order.push('first:start');
      await gate;
      order.push('first:end');
    });
    const second = withFileLock(f, () => {
      order.push('second');
    });
    // The second waits for the lock file, which exists until the first finishes.
    expect(existsSync(`${f}.writelock`)).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first:start', 'first:end', 'second']);
    expect(existsSync(`${f}.writelock`)).toBe(false);
  });

  it('removes a lock left by a process that no longer runs', async () => {
    const f = join(dir(), 'x.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid ?? 0)));
    writeFileSync(`${f}.writelock`, JSON.stringify({ pid: deadPid, host: (await import('node:os')).hostname() }));
    expect(await withFileLock(f, () => 'ran')).toBe('ran');
  });

  it('gives up on a live holder after the timeout, naming the holder and the lock file', async () => {
    const f = join(dir(), 'x.lock');
    writeFileSync(`${f}.writelock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() }));
    await expect(withFileLock(f, () => 'never', { timeoutMs: 50 })).rejects.toThrow(new RegExp(`process ${process.pid} on .* is writing the lockfile`));
  });
});
