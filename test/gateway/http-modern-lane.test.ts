import { request as httpRequest } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeModernResult } from '../../src/gateway/http-modern-lane.js';
import { serveHttp, type HttpFront } from '../../src/gateway/serve-http.js';
import { startGateway, stdioSpec, type Harness } from './harness.js';

const REVISION = '2026-07-28';
const ENVELOPE = { 'io.modelcontextprotocol/protocolVersion': REVISION, 'io.modelcontextprotocol/clientInfo': { name: 'raw-2026', version: '7' }, 'io.modelcontextprotocol/clientCapabilities': {} };

/** One raw HTTP POST; resolves with status, content type and body (or rejects when aborted). */
function post(url: string, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const r = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(signal ? { signal } : {}) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
    });
    r.on('error', reject);
    r.end(body);
  });
}

/** The JSON-RPC message of a response, whether it came as JSON or as one SSE event. */
function message(res: { type: string; text: string }): Record<string, unknown> {
  if (res.type.includes('application/json')) return JSON.parse(res.text) as Record<string, unknown>;
  const data = res.text.split('\n').filter((l) => l.startsWith('data: ') && l.length > 6);
  return JSON.parse(data.at(-1)?.slice(6) ?? '{}') as Record<string, unknown>;
}

/** A 2026-07-28 tools/call as the SDK client sends it; `accept` picks who answers (both types: the lane; JSON only: the SDK). */
function call(url: string, id: number, name: string, args: Record<string, unknown>, over: { accept?: string; meta?: Record<string, unknown>; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  const headers = { accept: over.accept ?? 'application/json, text/event-stream', 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/call', 'mcp-name': name, ...over.headers };
  return post(url, headers, JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, _meta: over.meta ?? ENVELOPE } }), over.signal);
}

describe('2026-07-28 call lane (plain stateless tool calls answered without a per-request SDK server)', () => {
  let h: Harness;
  let front: HttpFront;
  /** SDK server instances made for requests: the SDK path makes one per request, the lane none. */
  let servers = 0;

  beforeAll(async () => {
    h = await startGateway({
      upstreams: [stdioSpec('fs')],
      policy: 'version: 1\ndefault: allow\nrules:\n  - { id: ask-writes, server: fs, tool: write_file, action: ask }\n  - { id: no-crash, server: fs, tool: crash, action: deny }\napproval: { timeout: 5s }\n',
    });
    const create = h.gateway.createServer.bind(h.gateway);
    h.gateway.createServer = (...args) => {
      servers++;
      return create(...args);
    };
    front = await serveHttp(h.gateway, { host: '127.0.0.1', port: 0, path: '/mcp', tokens: [], allowedOrigins: [], allowedHosts: [], maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await front.close();
    await h.close();
  });

  it('answers exactly as the SDK path does: results, refusals, unknown tools, invalid arguments, what the upstream receives', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['fs__echo', { text: 'lane' }],
      ['fs__meta', {}],
      ['fs__crash', {}],
      ['fs__nope', {}],
      ['fs__calculator', { a: 'x', b: 2 }],
    ];
    for (const [i, [name, args]] of cases.entries()) {
      const before = servers;
      const lane = await call(front.url, i, name, args);
      expect(servers, `${name} on the lane`).toBe(before);
      const sdk = await call(front.url, i, name, args, { accept: 'application/json' });
      expect(servers, `${name} on the SDK path`).toBe(before + 1);
      expect(lane.status, name).toBe(sdk.status);
      expect(lane.type, name).toContain('application/json');
      expect(message(lane), name).toEqual(message(sdk));
    }
  });

  it('audits a lane call with the client named in the envelope', async () => {
    const before = servers;
    const res = await call(front.url, 20, 'fs__echo', { text: 'audit' });
    expect(servers).toBe(before);
    expect(message(res)).toMatchObject({ id: 20, result: { resultType: 'complete', content: [{ type: 'text', text: JSON.stringify({ text: 'audit' }) }] } });
    expect(h.sink.records.at(-1)).toMatchObject({ client: 'raw-2026', clientVersion: '7', transport: 'http', server: 'fs', target: 'echo', decision: 'allow', address: '127.0.0.1' });
  });

  it('leaves to the SDK, and so to its rejections, every request that is not plainly valid', async () => {
    const mismatch = await call(front.url, 21, 'fs__echo', { text: 'x' }, { headers: { 'mcp-name': 'fs__other' } });
    expect(mismatch.status).toBe(400);
    const noEnvelope = await post(front.url, { accept: 'application/json, text/event-stream', 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/call', 'mcp-name': 'fs__echo' }, JSON.stringify({ jsonrpc: '2.0', id: 22, method: 'tools/call', params: { name: 'fs__echo', arguments: { text: 'x' } } }));
    expect(noEnvelope.status).toBe(400);
    const badCaps = await call(front.url, 23, 'fs__echo', { text: 'x' }, { meta: { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': { roots: { listChanged: 'yes' } } } });
    expect(message(badCaps)).toHaveProperty('error');
    const wrongVersion = await call(front.url, 24, 'fs__echo', { text: 'x' }, { meta: { ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2025-06-18' } });
    expect(wrongVersion.status).toBeGreaterThanOrEqual(400);
  });

  it('leaves a call the policy asks about to the SDK (input_required), which denies it without an approver', async () => {
    const before = servers;
    const res = await call(front.url, 25, 'fs__write_file', { path: '/tmp/x', content: 'y' });
    expect(servers).toBe(before + 1);
    expect(JSON.stringify(message(res))).not.toContain('wrote /tmp/x');
  });

  it('serves the SDK client in auto mode (it negotiates 2026-07-28) through the lane', async () => {
    const client = new Client({ name: 'sdk-2026', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(new URL(front.url)));
    try {
      const before = servers;
      const result = await client.callTool({ name: 'fs__echo', arguments: { text: 'sdk' } });
      expect(result.content).toEqual([{ type: 'text', text: JSON.stringify({ text: 'sdk' }) }]);
      expect(h.sink.records.at(-1)).toMatchObject({ client: 'sdk-2026', target: 'echo', decision: 'allow' });
      expect(servers).toBe(before);
    } finally {
      await client.close();
    }
  });

  it('cancels the upstream call when the client hangs up mid-call', async () => {
    const stats = async () => JSON.parse((message(await call(front.url, 30, 'fs__stats', {})) as { result: { content: Array<{ text: string }> } }).result.content[0]?.text ?? '{}') as { cancelled: number };
    const before = (await stats()).cancelled;
    const ac = new AbortController();
    const hung = call(front.url, 31, 'fs__hang', {}, { signal: ac.signal }).catch((e: unknown) => e);
    while (h.gateway.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await hung;
    while ((await stats()).cancelled === before) await new Promise((r) => setTimeout(r, 10));
    expect((await stats()).cancelled).toBe(before + 1);
  });
});

describe('encodeModernResult', () => {
  it('stamps resultType and the server identity, keeping the result\'s own _meta', () => {
    expect(encodeModernResult({ content: [] })).toMatchObject({ content: [], resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mcp-warden' } } });
    expect(encodeModernResult({ content: [], _meta: { a: 1 } })).toMatchObject({ _meta: { a: 1, 'io.modelcontextprotocol/serverInfo': { name: 'mcp-warden' } } });
    expect(encodeModernResult({ content: [], _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'up', version: '1' } } })?._meta).toEqual({ 'io.modelcontextprotocol/serverInfo': { name: 'up', version: '1' } });
    expect(encodeModernResult({ content: [], resultType: 'input_required' })).toBeUndefined();
  });
});
