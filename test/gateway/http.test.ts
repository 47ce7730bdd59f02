import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Upstream } from '../../src/gateway/upstream/upstream.js';
import { serveHttp, type HttpFront } from '../../src/gateway/serve-http.js';
import { httpSpec, startGateway, startHttpFixture, stdioSpec, type Harness, type HttpFixture } from './harness.js';

const TOKEN = 'client-token-0123456789abcdef';

function rawPost(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const r = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    r.on('error', reject);
    r.end(body);
  });
}

function rawPostBody(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const r = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

async function httpClient(url: string, mode: 'legacy' | 'auto', token = TOKEN): Promise<Client> {
  const c = new Client({ name: `http-${mode}`, version: '1' }, { versionNegotiation: { mode } });
  await c.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return c;
}

describe('gateway over streamable HTTP', () => {
  let h: Harness;
  let front: HttpFront;
  let remote: HttpFixture;
  beforeAll(async () => {
    remote = await startHttpFixture('remote');
    h = await startGateway({ upstreams: [stdioSpec('fs'), httpSpec('remote', remote.url, { headers: { authorization: 'Bearer upstream-credential' } })] });
    front = await serveHttp(h.gateway, { host: '127.0.0.1', port: 0, path: '/mcp', tokens: [{ name: 'ci-runner', token: TOKEN }], allowedOrigins: [], allowedHosts: [], maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await front.close();
    await h.close();
    remote.close();
  });

  for (const mode of ['legacy', 'auto'] as const) {
    it(`serves ${mode === 'auto' ? '2026-07-28' : '2025'} clients and audits the token's name as principal`, async () => {
      const c = await httpClient(front.url, mode);
      expect(c.getNegotiatedProtocolVersion()).toBe(mode === 'auto' ? '2026-07-28' : '2025-11-25');
      const names = (await c.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['fs__echo', 'remote__echo']));
      const res = await c.callTool({ name: 'remote__echo', arguments: { text: mode } });
      expect((res.content as Array<{ text: string }>)[0]?.text).toBe(JSON.stringify({ text: mode }));
      expect(h.sink.records.at(-1)).toMatchObject({ principal: 'ci-runner', transport: 'http', server: 'remote', target: 'echo' });
      await c.close();
    });
  }

  it('serves a 2025-06-18 client on its own revision', async () => {
    const res = await rawPostBody(front.url, { authorization: `Bearer ${TOKEN}` }, init);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"protocolVersion":"2025-06-18"');
  });

  it('never passes the client token on to an upstream', async () => {
    const seen = await remote.seen();
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
    expect(seen.every((s) => s.url === '/seen' || s.authorization === 'Bearer upstream-credential')).toBe(true);
  });

  it('answers 401 without a valid token, 403 on a foreign Origin or Host, 413 on an oversized body', async () => {
    expect(await rawPost(front.url, {}, init)).toBe(401);
    expect(await rawPost(front.url, { authorization: 'Bearer nope' }, init)).toBe(401);
    expect(await rawPost(front.url, { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' }, init)).toBe(403);
    expect(await rawPost(front.url, { authorization: `Bearer ${TOKEN}`, host: 'evil.example' }, init)).toBe(403);
    expect(await rawPost(front.url, { authorization: `Bearer ${TOKEN}` }, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: { pad: 'x'.repeat(100_000) } }))).toBe(413);
    expect(await rawPost(front.url, { authorization: `Bearer ${TOKEN}`, origin: 'http://localhost:5173' }, init)).toBe(200);
  });

  it('refuses a streamed (chunked) body over the limit with 413 as well', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(front.url);
      const r = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      // The gateway may answer and close before the whole body is sent: that is the point.
      r.on('error', (err) => setTimeout(() => reject(err), 1000).unref());
      const chunk = 'x'.repeat(16 * 1024);
      r.write(`{"jsonrpc":"2.0","id":3,"method":"ping","params":{"pad":"`);
      for (let i = 0; i < 8; i++) r.write(chunk);
      r.end('"}}');
    });
    expect(status).toBe(413);
  });

  it('will not listen beyond loopback without a bearer token', async () => {
    await expect(serveHttp(h.gateway, { host: '0.0.0.0', port: 0, path: '/mcp', tokens: [], allowedOrigins: [], allowedHosts: [], maxBodyBytes: 1024 })).rejects.toThrow(/requires at least one bearer token/);
  });

  it('cancels the upstream call when an HTTP client abandons it', async () => {
    const c = await httpClient(front.url, 'auto');
    const up = h.gateway.upstreams.get('fs') as Upstream;
    const ac = new AbortController();
    const pending = c.callTool({ name: 'fs__hang', arguments: {} }, { signal: ac.signal }).catch((e: unknown) => e);
    while (up.pendingRequests === 0) await new Promise((r) => setImmediate(r));
    ac.abort();
    await pending;
    const rec = await h.sink.next((r) => r.target === 'hang');
    expect(rec.error).toMatch(/cancelled/);
    const stats = await c.callTool({ name: 'fs__stats', arguments: {} });
    expect(JSON.parse((stats.content as Array<{ text: string }>)[0]?.text ?? '{}')).toMatchObject({ cancelled: 1 });
    await c.close();
  });
});
