import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../src/supplychain/cache-dir.js';
import { DEFAULT_ENDPOINTS, ociBase, resolveEndpoints } from '../../src/supplychain/endpoints.js';
import { RegistryHttp } from '../../src/supplychain/http.js';
import { normalizeRepository } from '../../src/supplychain/repository.js';

let server: Server;
let base: string;
beforeAll(async () => {
  // A hostile registry: huge bodies, broken JSON, server errors.
  server = createServer((req, res) => {
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`"${'x'.repeat(2 * 1024 * 1024)}"`);
    } else if (req.url === '/html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    else if (req.url === '/boom') res.writeHead(500).end('no');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const client = (maxBytes?: number) => new RegistryHttp({ cacheDir: mkdtempSync(join(tmpdir(), 'warden-cache-')), offline: false, timeoutMs: 5000, ...(maxBytes ? { maxBytes } : {}) });

describe('RegistryHttp', () => {
  it('returns values, never throws, for hostile answers', async () => {
    const c = client(1024 * 1024);
    expect(await c.get(`${base}/huge`)).toMatchObject({ ok: false, failure: 'invalid', reason: expect.stringMatching(/over 1048576 bytes/) });
    expect(await c.get(`${base}/html`)).toMatchObject({ ok: false, failure: 'invalid', reason: expect.stringMatching(/not JSON/) });
    expect(await c.get(`${base}/boom`)).toMatchObject({ ok: false, failure: 'http', status: 500 });
    expect(await c.get(`${base}/ok`)).toMatchObject({ ok: true, body: { ok: true } });
    expect(c.hosts()[0]?.host).toBe(new URL(base).host);
  });
});

describe('endpoints and cache dir', () => {
  it('flags override environment, environment overrides defaults; only http(s)', () => {
    expect(resolveEndpoints({}, {})).toEqual(DEFAULT_ENDPOINTS);
    expect(resolveEndpoints({}, { MCP_WARDEN_NPM_REGISTRY: 'http://127.0.0.1:1/npm/' }).npm).toBe('http://127.0.0.1:1/npm');
    expect(resolveEndpoints({ npm: 'https://mirror.example' }, { MCP_WARDEN_NPM_REGISTRY: 'http://x' }).npm).toBe('https://mirror.example');
    expect(() => resolveEndpoints({ pypi: 'file:///etc' }, {})).toThrow(/must be http or https/);
    expect(() => resolveEndpoints({ pypi: 'not a url' }, {})).toThrow(/not a URL/);
  });
  it('images use their own registry unless an OCI base is set', () => {
    expect(ociBase(DEFAULT_ENDPOINTS, 'docker.io')).toBe('https://registry-1.docker.io');
    expect(ociBase(DEFAULT_ENDPOINTS, 'ghcr.io')).toBe('https://ghcr.io');
    expect(ociBase({ ...DEFAULT_ENDPOINTS, oci: 'http://127.0.0.1:9/oci' }, 'ghcr.io')).toBe('http://127.0.0.1:9/oci');
  });
  it('uses the platform cache directory', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache/mcp-warden');
    expect(defaultCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/mcp-warden');
    expect(defaultCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/mcp-warden');
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toMatch(/mcp-warden.Cache$/);
  });
});

describe('normalizeRepository', () => {
  it.each([
    ['git+https://github.com/Acme/Srv.git', 'github.com/acme/srv'],
    [{ type: 'git', url: 'https://github.com/acme/srv' }, 'github.com/acme/srv'],
    ['github:acme/srv', 'github.com/acme/srv'],
    ['acme/srv', 'github.com/acme/srv'],
    ['git@github.com:acme/srv.git', 'github.com/acme/srv'],
    ['https://gitlab.com/acme/srv/-/tree/main', 'gitlab.com/acme/srv'],
    ['see website', undefined],
    [undefined, undefined],
  ])('%j → %s', (input, want) => {
    expect(normalizeRepository(input)).toBe(want);
  });
});
