import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHttp, type HttpFront } from '../../src/gateway/serve-http.js';
import { startGateway, stdioSpec, type Harness } from './harness.js';

/** One raw HTTP POST; resolves with status, content type and body (or rejects when aborted). */
function post(url: string, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<{ status: number; type: string; sid: string; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const r = httpRequest(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, ...(signal ? { signal } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), sid: String(res.headers['mcp-session-id'] ?? ''), text }));
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

const rpc = (id: number, method: string, params: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', id, method, params });

/** The JSON-RPC message of a response, whether it came as JSON or as one SSE event. */
function message(res: { type: string; text: string }): Record<string, unknown> {
  if (res.type.includes('application/json')) return JSON.parse(res.text) as Record<string, unknown>;
  const data = res.text.split('\n').filter((l) => l.startsWith('data: ') && l.length > 6);
  return JSON.parse(data.at(-1)?.slice(6) ?? '{}') as Record<string, unknown>;
}

describe('HTTP call lane (plain tool calls on 2025 sessions answered as JSON)', () => {
  let h: Harness;
  let front: HttpFront;
  let sid: string;
  const headers = () => ({ 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' });

  beforeAll(async () => {
    h = await startGateway({
      upstreams: [stdioSpec('fs')],
      policy: 'version: 1\ndefault: allow\nrules:\n  - { id: ask-writes, server: fs, tool: write_file, action: ask }\napproval: { timeout: 5s }\n',
    });
    front = await serveHttp(h.gateway, { host: '127.0.0.1', port: 0, path: '/mcp', tokens: [], allowedOrigins: [], allowedHosts: [], maxBodyBytes: 64 * 1024 });
    const init = await post(front.url, {}, rpc(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-http', version: '3' } }));
    sid = init.sid;
    await post(front.url, headers(), JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
  });
  afterAll(async () => {
    await front.close();
    await h.close();
  });

  it('answers a plain tool call with one JSON response and audits it like any call', async () => {
    const res = await post(front.url, headers(), rpc(2, 'tools/call', { name: 'fs__echo', arguments: { text: 'lane' } }));
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/json');
    expect(res.sid).toBe(sid);
    expect(message(res)).toEqual({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: JSON.stringify({ text: 'lane' }) }] } });
    expect(h.sink.records.at(-1)).toMatchObject({ client: 'raw-http', clientVersion: '3', transport: 'http', server: 'fs', target: 'echo', decision: 'allow', address: '127.0.0.1' });
  });

  it('answers refusals on the lane too, with the same JSON-RPC error', async () => {
    const res = await post(front.url, headers(), rpc(3, 'tools/call', { name: 'fs__nope', arguments: {} }));
    expect(res.type).toContain('application/json');
    expect(message(res)).toMatchObject({ id: 3, error: { code: -32602, message: 'Unknown tool: fs__nope' } });
  });

  it('leaves a call with a progress token to the SDK (its response stream carries the progress)', async () => {
    const res = await post(front.url, headers(), rpc(4, 'tools/call', { name: 'fs__progress', arguments: {}, _meta: { progressToken: 'p1' } }));
    expect(res.type).toContain('text/event-stream');
    expect(res.text).toContain('"progressToken":"p1"');
    expect(message(res)).toMatchObject({ id: 4, result: { content: [{ type: 'text', text: 'done' }] } });
  });

  it('leaves a call the policy asks about to the SDK (the elicitation needs the response stream)', async () => {
    const res = await post(front.url, headers(), rpc(5, 'tools/call', { name: 'fs__write_file', arguments: { path: '/tmp/x', content: 'y' } }));
    expect(res.type).toContain('text/event-stream');
    // This client declared no elicitation and the test gateway has no terminal: the call is denied, never run.
    expect(message(res)).toMatchObject({ id: 5, error: { message: expect.stringMatching(/needs human approval/) } });
  });

  it('replays everything else to the SDK unchanged: unknown sessions, bad JSON, batches', async () => {
    expect((await post(front.url, { 'mcp-session-id': 'no-such-session' }, rpc(6, 'tools/call', { name: 'fs__echo', arguments: { text: 'x' } }))).status).toBe(404);
    const bad = await post(front.url, headers(), '{"jsonrpc": "2.0", "id": 7, "method": ');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('-32700');
    const listed = await post(front.url, headers(), rpc(8, 'tools/list', {}));
    expect(JSON.stringify(message(listed))).toContain('fs__echo');
  });

  it('cancels the upstream call when the client hangs up mid-call', async () => {
    const stats = async () => JSON.parse((message(await post(front.url, headers(), rpc(9, 'tools/call', { name: 'fs__stats', arguments: {} }))) as { result: { content: Array<{ text: string }> } }).result.content[0]?.text ?? '{}') as { cancelled: number };
    const before = (await stats()).cancelled;
    const ac = new AbortController();
    const hung = post(front.url, headers(), rpc(10, 'tools/call', { name: 'fs__hang', arguments: {} }), ac.signal).catch((e: unknown) => e);
    while (h.gateway.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await hung;
    while ((await stats()).cancelled === before) await new Promise((r) => setTimeout(r, 10));
    expect((await stats()).cancelled).toBe(before + 1);
  });
});
