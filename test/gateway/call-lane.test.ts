import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ProtocolError } from '@modelcontextprotocol/client';
import { InMemoryTransport, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/server';
import { serveGatewayStdio, type StdioConnection } from '../../src/gateway/serve-stdio.js';
import type { UpstreamSpec } from '../../src/gateway/config.js';
import { startGateway, stdioSpec, type Harness } from './harness.js';

type Msg = Record<string, unknown>;

/** Waits for a condition (the test's timeout is the safety net; nothing here depends on speed). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

/** A hand-written 2025-era upstream that answers tools/call with whatever `results` holds for the tool. */
function scriptedUpstream(results: Record<string, unknown>): (spec: UpstreamSpec) => Promise<Transport> {
  return async () => {
    const [local, remote] = InMemoryTransport.createLinkedPair();
    remote.onmessage = (raw) => {
      const m = raw as Msg;
      if (!('id' in m) || typeof m['method'] !== 'string') return;
      const answer = (result: unknown) => void remote.send({ jsonrpc: '2.0', id: m['id'], result } as JSONRPCMessage);
      const params = (m['params'] ?? {}) as Msg;
      if (m['method'] === 'initialize') answer({ protocolVersion: params['protocolVersion'], capabilities: { tools: {} }, serverInfo: { name: 'scripted', version: '1' } });
      else if (m['method'] === 'tools/list') answer({ tools: Object.keys(results).map((name) => ({ name, inputSchema: { type: 'object' } })) });
      else if (m['method'] === 'tools/call') answer(results[String(params['name'])]);
      else answer({});
    };
    await remote.start();
    return local;
  };
}

describe('call lane (2025-era stdio tool calls on the hot path)', () => {
  let h: Harness;
  let scripted: Harness;
  beforeAll(async () => {
    h = await startGateway({ upstreams: [stdioSpec('fs')] });
    scripted = await startGateway({
      upstreams: [stdioSpec('s')],
      open: scriptedUpstream({ bare: { structuredContent: { n: 1 } }, bad: { content: 'not a list' } }),
    });
  });
  afterAll(async () => {
    await h.close();
    await scripted.close();
  });

  /** A client connected through serveGatewayStdio, with the lane and every message the client received. */
  async function connect(harness: Harness, options?: ConstructorParameters<typeof Client>[1]): Promise<{ client: Client; conn: StdioConnection; received: Msg[] }> {
    const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
    const conn = serveGatewayStdio(harness.gateway, serverSide, { transport: 'stdio', session: 'lane-test', push: true });
    const client = new Client({ name: 'lane-client', version: '2.0' }, options);
    await client.connect(clientSide);
    const received: Msg[] = [];
    const sdk = clientSide.onmessage;
    clientSide.onmessage = (m, extra) => {
      received.push(m as Msg);
      sdk?.(m, extra);
    };
    return { client, conn, received };
  }

  it('answers a 2025-era tool call itself, with the SDK path’s result and audit record', async () => {
    const { client, conn } = await connect(h);
    expect(conn.lane.active).toBe(true);
    const pending = client.callTool({ name: 'fs__hang', arguments: {} }, { timeout: 60_000 });
    await until(() => conn.lane.size === 1); // taken by the lane, not the SDK server
    const echoed = await client.callTool({ name: 'fs__echo', arguments: { text: 'hi' } });
    expect(echoed.content).toEqual([{ type: 'text', text: JSON.stringify({ text: 'hi' }) }]);
    const rec = h.sink.records.find((r) => r.requested === 'fs__echo');
    expect(rec).toMatchObject({ client: 'lane-client', clientVersion: '2.0', transport: 'stdio', server: 'fs', target: 'echo', decision: 'allow' });
    await client.close();
    await pending.catch(() => undefined);
    await conn.close();
  });

  it('relays progress to the client’s own token', async () => {
    const { client, conn } = await connect(h);
    const updates: unknown[] = [];
    await client.callTool({ name: 'fs__progress', arguments: {} }, { onprogress: (p) => updates.push(p) });
    expect(updates).toEqual([1, 2, 3].map((progress) => ({ progress, total: 3 })));
    await client.close();
    await conn.close();
  });

  it('cancels the upstream call when the client cancels, and sends no answer', async () => {
    const { client, conn, received } = await connect(h);
    const ac = new AbortController();
    const pending = client.callTool({ name: 'fs__hang', arguments: {} }, { signal: ac.signal });
    await until(() => conn.lane.size === 1);
    ac.abort('user pressed stop');
    await expect(pending).rejects.toThrow();
    await until(() => conn.lane.size === 0);
    const stats = JSON.parse(((await client.callTool({ name: 'fs__stats', arguments: {} })).content as Array<{ text: string }>)[0]?.text ?? '{}') as { cancelled: number };
    expect(stats.cancelled).toBeGreaterThanOrEqual(1);
    const answers = received.filter((m) => 'id' in m && !('method' in m));
    expect(answers).toHaveLength(1); // only the stats call was answered
    await client.close();
    await conn.close();
  });

  it('refuses malformed call params as the SDK server does (-32602)', async () => {
    const { client, conn } = await connect(h);
    const err = await client.request({ method: 'tools/call', params: { name: 'fs__echo', arguments: 'not an object' } } as never, { '~standard': { version: 1, vendor: 't', validate: (value: unknown) => ({ value }) } } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(-32602);
    expect((err as ProtocolError).message).toMatch(/Invalid tools\/call request/);
    await client.close();
    await conn.close();
  });

  it('gives a contentless result its empty content and refuses a result that breaks the schema', async () => {
    const { client, conn } = await connect(scripted);
    expect(await client.callTool({ name: 's__bare', arguments: {} })).toMatchObject({ content: [], structuredContent: { n: 1 } });
    const err = await client.callTool({ name: 's__bad', arguments: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).message).toMatch(/Invalid tools\/call result/);
    await client.close();
    await conn.close();
  });

  it('answers a call still running at shutdown with an error (only a client that cancelled gets silence)', async () => {
    const own = await startGateway({ upstreams: [stdioSpec('fs')] });
    const { client, conn } = await connect(own);
    const pending = client.callTool({ name: 'fs__hang', arguments: {} }).catch((e: unknown) => e);
    await until(() => conn.lane.size === 1);
    await own.gateway.shutdown(10);
    const err = await pending;
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).message).toMatch(/shutting down/);
    await client.close();
    await conn.close();
  });

  it('leaves task-augmented calls to the SDK server (tasks are not proxied; the answer is the SDK path’s)', async () => {
    const own = await startGateway({ upstreams: [stdioSpec('fs')] });
    const { client, conn } = await connect(own);
    const raw = { '~standard': { version: 1, vendor: 't', validate: (value: unknown) => ({ value }) } } as never;
    const pending = client.request({ method: 'tools/call', params: { name: 'fs__hang', arguments: {}, task: { ttl: 1000 } } } as never, raw).catch((e: unknown) => e);
    await until(() => own.gateway.inFlight === 1); // in the pipeline...
    expect(conn.lane.size).toBe(0); // ...but not through the lane
    await own.gateway.shutdown(10);
    await pending;
    await client.close();
    await conn.close();
  });

  it('leaves 2026-07-28 requests to the SDK server', async () => {
    const { client, conn } = await connect(h, { versionNegotiation: { mode: 'auto' } });
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(conn.lane.active).toBe(false);
    const echoed = await client.callTool({ name: 'fs__echo', arguments: { text: 'modern' } });
    expect(conn.lane.size).toBe(0);
    expect(echoed.content).toEqual([{ type: 'text', text: JSON.stringify({ text: 'modern' }) }]);
    expect(h.sink.records.find((r) => r.requested === 'fs__echo' && r.client === 'lane-client' && (r.args as { text?: string } | undefined)?.text === 'modern')).toBeDefined();
    await client.close();
    await conn.close();
  });
});
