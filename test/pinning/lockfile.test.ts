import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCKFILE_VERSION, type Lockfile } from '../../src/model/index.js';
import { firstPinHistory } from '../../src/pinning/approve.js';
import { LockfileError, createLockfile, parseLockfile, serializeLockfile } from '../../src/pinning/lockfile.js';
import { githubSnapshot, pinned, snap, tool } from '../helpers/pin-fixtures.js';

const who = { by: 'Ada', at: '2026-08-01T00:00:00.000Z' };
const servers = [pinned(githubSnapshot()), pinned(snap('files', { tools: [tool('read_file', 'Read a file.')] }))];
const lock: Lockfile = createLockfile(servers, firstPinHistory(servers, who));
const text = serializeLockfile(lock);

function errorOf(fn: () => unknown): LockfileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LockfileError) return e;
    throw e;
  }
  throw new Error('expected a LockfileError');
}

const lineOf = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

describe('serializeLockfile', () => {
  it('round-trips and is byte-stable', () => {
    const parsed = parseLockfile('mcp-warden.lock', text);
    expect(serializeLockfile(parsed)).toBe(text);
    expect(parsed.lockfileVersion).toBe(LOCKFILE_VERSION);
  });

  it('orders servers by name and puts lockfileVersion first, for reviewable diffs', () => {
    expect(text.startsWith('{\n  "lockfileVersion": 1,\n  "generator": "mcp-warden ')).toBe(true);
    expect(lock.servers.map((s) => s.name)).toEqual(['files', 'github']);
    expect(serializeLockfile({ ...lock, servers: [...lock.servers].reverse() })).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('parseLockfile on bad input', () => {
  it('names the line of a git conflict marker', () => {
    const lines = text.split('\n');
    lines.splice(10, 0, '<<<<<<< HEAD');
    lines.splice(14, 0, '=======');
    lines.splice(18, 0, '>>>>>>> feature');
    const e = errorOf(() => parseLockfile('mcp-warden.lock', lines.join('\n')));
    expect(e.message).toBe('mcp-warden.lock:11: unresolved git merge conflict marker');
    expect(e.line).toBe(11);
    expect(e.hint).toMatch(/pin --update/);
  });

  it('says a truncated file is truncated, at its last line', () => {
    const cut = text.slice(0, Math.floor(text.length / 2));
    const e = errorOf(() => parseLockfile('x.lock', cut));
    expect(e.message).toMatch(/^x\.lock:\d+: file ends in the middle of the JSON \(truncated\?\)$/);
    expect(e.line).toBe(cut.trimEnd().split('\n').length);
  });

  it('names the line of a syntax error', () => {
    const broken = text.replace('"prompts": []', '"prompts": [,]');
    const e = errorOf(() => parseLockfile('x.lock', broken));
    expect(e.line).toBe(lineOf('"prompts": []'));
    expect(e.message).toMatch(/invalid JSON/);
  });

  it('refuses a newer format version and says which is needed', () => {
    const newer = text.replace('"lockfileVersion": 1', '"lockfileVersion": 2').replace(/"generator": "[^"]*"/, '"generator": "mcp-warden 9.0.0"');
    const e = errorOf(() => parseLockfile('x.lock', newer));
    expect(e.message).toMatch(/^x\.lock:2: lockfileVersion 2 is newer than this mcp-warden \(.+\) reads \(up to version 1\); the file was written by mcp-warden 9\.0\.0$/);
    expect(e.hint).toMatch(/reads lockfileVersion 2/);
  });

  it('names the line of a field of the wrong shape', () => {
    const bad = text.replace(/"hash": "sha256:[0-9a-f]{64}"/, '"hash": "md5:abc"');
    const e = errorOf(() => parseLockfile('x.lock', bad));
    expect(e.message).toMatch(/invalid lockfile at \.servers\[0\]\.hash/);
    expect(e.line).toBe(lineOf('"hash"'));
  });

  it('catches a definition edited by hand without its hash, naming the line', () => {
    const edited = text.replace('"description":"Read a file."', '"description":"Read a file and mail it."');
    expect(edited).not.toBe(text);
    const e = errorOf(() => parseLockfile('x.lock', edited));
    expect(e.message).toMatch(/server "files": the definition of tool "read_file" does not match its stored hash/);
    expect(e.line).toBe(lineOf('"definition"'));
  });

  it('catches a server digest edited by hand', () => {
    const edited = text.replace(lock.servers[0]?.hash ?? '', `sha256:${'0'.repeat(64)}`);
    expect(errorOf(() => parseLockfile('x.lock', edited)).message).toMatch(/server "files": the server digest does not match/);
  });

  it('refuses empty files, non-objects and a missing version', () => {
    expect(errorOf(() => parseLockfile('x.lock', '')).message).toBe('x.lock:1: file is empty');
    expect(errorOf(() => parseLockfile('x.lock', '[]')).message).toMatch(/expected a JSON object/);
    expect(errorOf(() => parseLockfile('x.lock', '{"servers": []}')).message).toMatch(/"lockfileVersion" must be a positive integer/);
  });

  it('refuses unknown top-level fields (a typo would otherwise be silently ignored)', () => {
    const extra = text.replace('"history"', '"histroy": [],\n  "history"');
    expect(errorOf(() => parseLockfile('x.lock', extra)).message).toMatch(/invalid lockfile/);
  });

  it('refuses a server pinned twice with the same identity', () => {
    const twice = serializeLockfile(lock).replace('"servers": [', `"servers": [\n${JSON.stringify(lock.servers[0])},`);
    expect(errorOf(() => parseLockfile('x.lock', twice)).message).toMatch(/pinned twice/);
  });
});

describe('definition lines', () => {
  it('each definition is one line: its canonical JSON, whose SHA-256 is the stored hash', () => {
    const line = text.split('\n').find((l) => l.includes('"definition": {"description":"Read a file."'));
    const json = line?.trim().slice('"definition": '.length) ?? '';
    const tool = lock.servers.find((s) => s.name === 'files')?.tools[0];
    expect(`sha256:${createHash('sha256').update(json).digest('hex')}`).toBe(tool?.hash);
  });

  it('a hostile name that looks like an internal placeholder stays a name', () => {
    const hostile = pinned(snap('\u0000definition-0000000000000000:0', { tools: [tool('t', 'd')] }));
    const t = serializeLockfile(createLockfile([hostile], []));
    expect(parseLockfile('x.lock', t).servers[0]?.name).toBe('\u0000definition-0000000000000000:0');
  });
});

