import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReadError, listDirectory, MAX_CONFIG_BYTES, readConfigFile } from '../../src/discovery/read-config-file.js';
import { tempDir, writeTree } from './helpers.js';

const DIST_READER = join(import.meta.dirname, '..', '..', 'dist', 'discovery', 'read-config-file.js');

describe('readConfigFile', () => {
  it('treats a missing file as absent, not as an error', async () => {
    expect(await readConfigFile(join(tempDir(), 'nope.json'))).toEqual({ status: 'absent' });
  });

  it('reads text, strips a UTF-8 BOM and returns the permission bits', async () => {
    const path = join(tempDir(), 'c.json');
    writeFileSync(path, '\ufeff{"mcpServers":{}}', { mode: 0o640 });
    chmodSync(path, 0o640);
    expect(await readConfigFile(path)).toEqual({ status: 'ok', text: '{"mcpServers":{}}', mode: 0o640 });
  });

  it('refuses a file over 10 MB without reading it', async () => {
    const path = join(tempDir(), 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_CONFIG_BYTES + 1);
    const r = await readConfigFile(path);
    expect(r).toMatchObject({ status: 'error', error: { kind: 'too-large', source: path } });
    if (r.status === 'error') expect(r.error.message).toMatch(/10485761 bytes is over the 10485760-byte limit/);
  });

  it('reads a file of exactly 10 MB', async () => {
    const path = join(tempDir(), 'limit.json');
    writeFileSync(path, ' '.repeat(MAX_CONFIG_BYTES));
    expect((await readConfigFile(path)).status).toBe('ok');
  });

  it('refuses binary content', async () => {
    const path = join(tempDir(), 'bin.json');
    writeFileSync(path, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
    expect(await readConfigFile(path)).toMatchObject({ status: 'error', error: { kind: 'binary', message: `${path}: binary content (NUL bytes), not a config file` } });
  });

  it('reports a symbolic link loop', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b.json'), join(dir, 'a.json'));
    symlinkSync(join(dir, 'a.json'), join(dir, 'b.json'));
    expect(await readConfigFile(join(dir, 'a.json'))).toMatchObject({ status: 'error', error: { kind: 'symlink-loop', message: `${join(dir, 'a.json')}: symbolic link loop` } });
  });

  it('reports a symbolic link to a missing file', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'gone.json'), join(dir, 'link.json'));
    expect(await readConfigFile(join(dir, 'link.json'))).toMatchObject({ status: 'error', error: { kind: 'read', message: expect.stringMatching(/points to a missing file/) } });
  });

  it('reports a directory where a file is expected', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mcp.json'));
    expect(await readConfigFile(join(dir, 'mcp.json'))).toMatchObject({ status: 'error', error: { kind: 'read', message: expect.stringMatching(/is a directory, expected a config file/) } });
  });

  it('refuses a FIFO instead of blocking on it', async () => {
    const path = join(tempDir(), 'fifo.json');
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    expect(await readConfigFile(path)).toMatchObject({ status: 'error', error: { kind: 'read', message: expect.stringMatching(/not a regular file/) } });
  });

  it('reports paths a config named that cannot be opened (NUL byte, too long)', async () => {
    const nul = await readConfigFile('/tmp/a\u0000b/.mcp.json');
    expect(nul).toMatchObject({ status: 'error', error: { kind: 'read', message: '"/tmp/a\\u0000b/.mcp.json": not a valid file path' } });
    const long = await readConfigFile(`/${'x'.repeat(5000)}/.mcp.json`);
    expect(long).toMatchObject({ status: 'error', error: { kind: 'read', message: expect.stringMatching(/path too long to open$/) } });
  });

  it('names permission problems', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const err = Object.assign(new Error(`${code}: denied`), { code });
      expect(describeReadError('/x/c.json', err)).toEqual({ kind: 'read', source: '/x/c.json', message: '/x/c.json: permission denied' });
    }
  });

  it('reports an unreadable file (chmod 000) as permission denied', () => {
    // Root reads anything, so as root the read runs in a child process with the uid of "nobody".
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const path = join(dir, 'secret.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o000);
    const asRoot = process.getuid?.() === 0;
    const script = `import(${JSON.stringify(DIST_READER)}).then(async (m) => process.stdout.write(JSON.stringify(await m.readConfigFile(${JSON.stringify(path)}))))`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ status: 'error', error: { kind: 'read', source: path, message: `${path}: permission denied` } });
  });
});

describe('listDirectory', () => {
  it('lists matching files to the given depth, sorted', async () => {
    const dir = writeTree(tempDir(), { 'a/mcp.json': '{}', 'b/mcp.json': '{}', 'b/deeper/mcp.json': '{}', 'c.json': '{}', 'a/other.txt': '' });
    expect(await listDirectory(dir, /^[^/]+\/mcp\.json$/, 2)).toEqual({ files: [join(dir, 'a', 'mcp.json'), join(dir, 'b', 'mcp.json')] });
    expect((await listDirectory(dir, /\.json$/, 1)).files).toEqual([join(dir, 'c.json')]);
  });

  it('treats a missing folder as empty and a file where a folder is expected as an error', async () => {
    const dir = writeTree(tempDir(), { 'mcpServers': 'oops, a file' });
    expect(await listDirectory(join(dir, 'missing'), /./, 1)).toEqual({ files: [] });
    const r = await listDirectory(join(dir, 'mcpServers'), /./, 1);
    expect(r.error).toMatchObject({ kind: 'read', message: expect.stringMatching(/is a file, expected a directory/) });
  });

  it('stops on symlinked folder cycles and on runaway folders', async () => {
    const dir = writeTree(tempDir(), { 'a/mcp.json': '{}' });
    symlinkSync(dir, join(dir, 'a', 'loop'));
    const r = await listDirectory(dir, /mcp\.json$/, 50);
    expect(r.files).toEqual([join(dir, 'a', 'mcp.json')]);
    const many = writeTree(tempDir(), Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.json`, '{}'])));
    const capped = await listDirectory(many, /\.json$/, 1, 10);
    expect(capped.files).toHaveLength(10);
    expect(capped.error).toMatchObject({ kind: 'limit' });
  });
});
