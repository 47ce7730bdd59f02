import { describe, expect, it } from 'vitest';
import { parseDenoSpec, parseImageRef, parseNpmSpec, parsePypiSpec } from '../../src/analysis/package-spec.js';

describe('parseNpmSpec', () => {
  it.each([
    ['@modelcontextprotocol/server-github', '@modelcontextprotocol/server-github', undefined, 'none'],
    ['@modelcontextprotocol/server-github@latest', '@modelcontextprotocol/server-github', 'latest', 'latest'],
    ['@modelcontextprotocol/server-github@2025.4.8', '@modelcontextprotocol/server-github', '2025.4.8', 'exact'],
    ['mcp-remote@0.1.18', 'mcp-remote', '0.1.18', 'exact'],
    ['mcp-remote@1.0.0-beta.2', 'mcp-remote', '1.0.0-beta.2', 'exact'],
    ['mcp-remote@^0.1.0', 'mcp-remote', '^0.1.0', 'range'],
    ['mcp-remote@~0.1', 'mcp-remote', '~0.1', 'range'],
    ['mcp-remote@0', 'mcp-remote', '0', 'range'],
    ['mcp-remote@1.x', 'mcp-remote', '1.x', 'range'],
    ['mcp-remote@*', 'mcp-remote', '*', 'range'],
    ['mcp-remote@next', 'mcp-remote', 'next', 'tag'],
    ['npm:mcp-remote@0.1.18', 'mcp-remote', '0.1.18', 'exact'],
  ])('%s', (spec, name, version, pin) => {
    const r = parseNpmSpec(spec);
    expect([r.name, r.version, r.pin]).toEqual([name, version, pin]);
  });
  it.each([
    ['./server', 'local'],
    ['/opt/mcp/server', 'local'],
    ['C:\\mcp\\server', 'local'],
    ['github:owner/repo', 'git-ref'],
    ['owner/repo', 'git-ref'],
    ['github:owner/repo#0123456789abcdef0123456789abcdef01234567', 'digest'],
    ['git+https://github.com/o/r.git#main', 'git-ref'],
    ['https://example.com/pkg-1.0.0.tgz', 'url'],
  ])('%s is %s', (spec, pin) => expect(parseNpmSpec(spec).pin).toBe(pin));
});

describe('parsePypiSpec', () => {
  it.each([
    ['mcp-server-fetch', 'mcp-server-fetch', 'none'],
    ['mcp-server-fetch==2025.4.7', 'mcp-server-fetch', 'exact'],
    ['mcp-server-fetch===2025.4.7', 'mcp-server-fetch', 'exact'],
    ['mcp-server-fetch>=2025.1', 'mcp-server-fetch', 'range'],
    ['mcp-server-fetch~=2025.1', 'mcp-server-fetch', 'range'],
    ['mcp-server-fetch==2025.*', 'mcp-server-fetch', 'range'],
    ['mcp-server-git@latest', 'mcp-server-git', 'latest'],
    ['mcp-server-git@0.6.2', 'mcp-server-git', 'exact'],
    ['mcp-proxy[server]==0.8.0', 'mcp-proxy', 'exact'],
    ['git+https://github.com/o/r', 'git+https://github.com/o/r', 'git-ref'],
    ['pkg @ git+https://github.com/o/r@0123456789abcdef0123456789abcdef01234567', 'pkg', 'digest'],
    ['./local-server', './local-server', 'local'],
  ])('%s', (spec, name, pin) => {
    const r = parsePypiSpec(spec);
    expect([r.name, r.pin]).toEqual([name, pin]);
  });
});

describe('parseImageRef', () => {
  it.each([
    ['mcp/github', 'mcp/github', 'none'],
    ['mcp/github:latest', 'mcp/github', 'latest'],
    ['ghcr.io/github/github-mcp-server:v0.4.0', 'ghcr.io/github/github-mcp-server', 'tag'],
    ['localhost:5000/mcp/fetch', 'localhost:5000/mcp/fetch', 'none'],
    [`mcp/fetch@sha256:${'a'.repeat(64)}`, 'mcp/fetch', 'digest'],
    [`mcp/fetch:1.0@sha256:${'b'.repeat(64)}`, 'mcp/fetch', 'digest'],
  ])('%s', (ref, name, pin) => {
    const r = parseImageRef(ref);
    expect([r.name, r.pin]).toEqual([name, pin]);
  });
});

describe('parseDenoSpec', () => {
  it('reads npm: and jsr: specifiers and ignores files', () => {
    expect(parseDenoSpec('npm:mcp-remote@0.1.18')?.pin).toBe('exact');
    expect(parseDenoSpec('jsr:@std/http')?.pin).toBe('none');
    expect(parseDenoSpec('jsr:@scope/mcp@1.2.3/server.ts')).toMatchObject({ name: '@scope/mcp', version: '1.2.3', pin: 'exact' });
    expect(parseDenoSpec('./server.ts')).toBeUndefined();
  });
});
