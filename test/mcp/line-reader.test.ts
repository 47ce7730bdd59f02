import { PassThrough } from 'node:stream';
import { parseJSONRPCMessage, ReadBuffer, type JSONRPCMessage } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { describe, expect, it } from 'vitest';
import { JsonRpcLineReader, plainJsonRpcMessage, useLineReader } from '../../src/mcp/line-reader.js';

/** The schema's verdict: its output, or 'rejected'. */
function schema(value: unknown): unknown {
  try {
    return parseJSONRPCMessage(structuredClone(value));
  } catch {
    return 'rejected';
  }
}

const PLAIN: unknown[] = [
  { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'payload', arguments: { size: 1024 } } },
  { jsonrpc: '2.0', id: 'a-1', method: 'tools/list' },
  { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'x', _meta: { progressToken: 'tok' } } },
  { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'x', _meta: { progressToken: 3, 'vendor/key': { a: 1 } } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3, reason: 'user' } },
  { jsonrpc: '2.0', id: 'mcp-warden:5', result: { content: [{ type: 'text', text: 'hi' }] } },
  { jsonrpc: '2.0', id: 0, result: {} },
  { jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'bad', data: { why: 1 } } },
  { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } },
];

const NOT_PLAIN: unknown[] = [
  // rejected by the schema
  { jsonrpc: '1.0', id: 1, method: 'x' },
  { jsonrpc: '2.0', id: 1.5, method: 'x' },
  { jsonrpc: '2.0', id: null, method: 'x' },
  { jsonrpc: '2.0', id: 1, method: 'x', extra: true },
  { jsonrpc: '2.0', id: 1, method: 'x', params: [1, 2] },
  { jsonrpc: '2.0', id: 1, method: 'x', params: { _meta: { progressToken: 1.5 } } },
  { jsonrpc: '2.0', id: 1, result: [] },
  { jsonrpc: '2.0', id: 1, error: { code: 'x', message: 'm' } },
  { jsonrpc: '2.0', id: 1 },
  [{ jsonrpc: '2.0', method: 'batch' }],
  'text',
  null,
  // accepted, but what the schema returns is left to it
  { jsonrpc: '2.0', id: 1, result: { _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } } } },
  { jsonrpc: '2.0', id: 1, method: 'x', params: { _meta: { 'io.modelcontextprotocol/related-task': { taskId: 't' } } } },
  { jsonrpc: '2.0', id: 1, error: { code: 1, message: 'm', extra: 'stripped by the schema' } },
];

/** A deterministic generator of message-like values: the keys and value types the fast check decides on. */
function* shapes(count: number): Generator<unknown> {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const ids = [1, 0, -3, 2 ** 53, 1.5, 'id', '', null, undefined, true, {}];
  const objects = () => pick([undefined, {}, { a: 1 }, [], null, 'x', { _meta: pick([undefined, {}, null, [], { progressToken: pick(ids) }, { 'io.modelcontextprotocol/related-task': {} }, { other: 1 }]) }]);
  for (let i = 0; i < count; i++) {
    const m: Record<string, unknown> = {};
    if (rnd() < 0.9) m['jsonrpc'] = pick(['2.0', '2.0', '2.0', '1.0', 2]);
    if (rnd() < 0.7) m['id'] = pick(ids);
    const kind = pick(['method', 'result', 'error', 'none']);
    if (kind === 'method') {
      m['method'] = pick(['tools/call', 'x', 3, undefined]);
      const p = objects();
      if (p !== undefined || rnd() < 0.2) m['params'] = p;
    } else if (kind === 'result') m['result'] = objects();
    else if (kind === 'error') m['error'] = pick([{ code: 1, message: 'm' }, { code: 1.5, message: 'm' }, { code: 1 }, { code: 1, message: 'm', data: null }, { code: 1, message: 'm', x: 1 }, [], null]);
    if (rnd() < 0.1) m[pick(['extra', 'result', 'error', 'method'])] = {};
    yield m;
  }
}

describe('plainJsonRpcMessage', () => {
  it.each(PLAIN.map((m) => [JSON.stringify(m), m] as const))('takes %s as the schema returns it', (_s, m) => {
    expect(plainJsonRpcMessage(m)).toBe(true);
    expect(schema(m)).toEqual(m);
  });
  it.each(NOT_PLAIN.map((m) => [JSON.stringify(m), m] as const))('leaves %s to the schema', (_s, m) => {
    expect(plainJsonRpcMessage(m)).toBe(false);
  });
  it('never passes a message the schema would reject or change (5,000 generated shapes)', () => {
    let plain = 0;
    for (const m of shapes(5000)) {
      const value = JSON.parse(JSON.stringify(m)) as unknown; // what arrives on the wire
      if (!plainJsonRpcMessage(value)) continue;
      plain++;
      expect(schema(value), JSON.stringify(value)).toEqual(value);
    }
    expect(plain).toBeGreaterThan(200); // the generator does reach the fast path
  });
});

/** Every message (or error class) a reader yields from `chunks`. */
function drain(reader: { append(c: Buffer): void; readMessage(): JSONRPCMessage | null }, chunks: Buffer[]): unknown[] {
  const out: unknown[] = [];
  for (const chunk of chunks) {
    reader.append(chunk);
    for (;;) {
      try {
        const m = reader.readMessage();
        if (m === null) break;
        out.push(m);
      } catch (err) {
        out.push(`error: ${(err as Error).name}`);
      }
    }
  }
  return out;
}

/** `bytes` cut at `cuts` pseudo-random places (inside multi-byte characters too). */
function split(bytes: Buffer, cuts: number, seed: number): Buffer[] {
  let s = seed;
  const at = new Set<number>();
  for (let i = 0; i < cuts; i++) at.add(((s = (s * 48271) % 2147483647) % Math.max(1, bytes.length - 1)) + 1);
  const points = [0, ...[...at].sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

describe('JsonRpcLineReader', () => {
  const stream = Buffer.from(
    [
      ...PLAIN.map((m) => JSON.stringify(m)),
      'not json',
      '',
      JSON.stringify({ jsonrpc: '2.0', id: 9, result: { content: [{ type: 'text', text: 'ünïcødé ✓ 日本語 🙂'.repeat(50) }] } }),
      `${JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'crlf' })}\r`,
      ...NOT_PLAIN.filter((m) => m !== null && typeof m === 'object').map((m) => JSON.stringify(m)),
      JSON.stringify({ jsonrpc: '2.0', method: 'last' }),
    ].join('\n') + '\n',
  );

  it.each([0, 1, 7, 40, 400])('reads what the SDK ReadBuffer reads, with the stream cut in %i places', (cuts) => {
    const chunks = split(stream, cuts, cuts + 1);
    expect(drain(new JsonRpcLineReader(), chunks)).toEqual(drain(new ReadBuffer(), chunks));
  });

  it('keeps an unfinished line until its newline arrives, across many chunks', () => {
    const big = Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', id: 1, result: { text: 'x'.repeat(200_000) } })}\n${JSON.stringify({ jsonrpc: '2.0', method: 'n' })}\n`);
    const out = drain(new JsonRpcLineReader(), split(big, 300, 5));
    expect(out).toHaveLength(2);
    expect((out[0] as { result: { text: string } }).result.text).toHaveLength(200_000);
  });

  it('fails as the SDK does past its size cap, and starts afresh', () => {
    const reader = new JsonRpcLineReader(100);
    reader.append(Buffer.alloc(60, 0x20));
    expect(() => reader.append(Buffer.alloc(60, 0x20))).toThrow('ReadBuffer exceeded maximum size of 100 bytes');
    reader.append(Buffer.from('{"jsonrpc":"2.0","method":"after"}\n'));
    expect(reader.readMessage()).toEqual({ jsonrpc: '2.0', method: 'after' });
  });
});

describe('useLineReader', () => {
  it('replaces the read buffer of both SDK stdio transports, which then deliver messages', async () => {
    const client = new StdioClientTransport({ command: process.execPath, args: ['-e', ''], maxBufferSize: 1234 });
    expect(useLineReader(client)).toBe(true);
    expect((client as unknown as { _readBuffer: unknown })._readBuffer).toBeInstanceOf(JsonRpcLineReader);

    const stdin = new PassThrough();
    const server = new StdioServerTransport(stdin, new PassThrough());
    expect(useLineReader(server)).toBe(true);
    const got: unknown[] = [];
    server.onmessage = (m) => got.push(m);
    const errors: string[] = [];
    server.onerror = (e) => errors.push(e.name);
    await server.start();
    stdin.write('{"jsonrpc":"2.0","id":1,"method":"tools/list"}\n{"jsonrpc":"2.0","id":1,"method":"x","extra":1}\n');
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([{ jsonrpc: '2.0', id: 1, method: 'tools/list' }]);
    expect(errors).toHaveLength(1); // the schema's rejection, as before
    await server.close();
  });

  it('leaves a transport without the expected buffer alone', () => {
    expect(useLineReader({})).toBe(false);
    expect(useLineReader({ _readBuffer: { append: 1 } })).toBe(false);
  });
});
