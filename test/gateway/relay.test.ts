import { describe, expect, it } from 'vitest';
import { InMemoryTransport, ProtocolError, SdkError, SdkErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/client';
import { RequestRelay } from '../../src/gateway/upstream/relay.js';

type Msg = Record<string, unknown>;

/** A relay on one end of a linked pair; the other end is a scripted upstream. */
async function setup(answer: (request: Msg, reply: (m: Msg) => void) => void) {
  const [local, remote] = InMemoryTransport.createLinkedPair();
  const toSdk: JSONRPCMessage[] = [];
  let sdkClosed = false;
  local.onmessage = (m) => void toSdk.push(m); // what the SDK client installed at connect
  local.onclose = () => (sdkClosed = true);
  const seen: Msg[] = [];
  remote.onmessage = (m) => {
    seen.push(m as Msg);
    if ('id' in m && 'method' in m) answer(m as Msg, (r) => void remote.send({ jsonrpc: '2.0', ...r } as JSONRPCMessage));
  };
  await local.start();
  await remote.start();
  const relay = new RequestRelay(local);
  return { relay, remote, local, toSdk, seen, sdkClosed: () => sdkClosed };
}

const opts = (signal = new AbortController().signal) => ({ signal, timeoutMs: 60_000 });

describe('RequestRelay', () => {
  it('routes the answer to the caller and leaves every other message to the SDK', async () => {
    const t = await setup((req, reply) => {
      void t.remote.send({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } });
      void t.remote.send({ jsonrpc: '2.0', id: 7, result: {} }); // an answer to one of the SDK's own numeric ids
      reply({ id: req['id'], result: { content: [{ type: 'text', text: 'ok' }] } });
    });
    const result = await t.relay.request('tools/call', { name: 'echo', arguments: {} }, opts());
    expect(result).toEqual({ content: [{ type: 'text', text: 'ok' }] });
    expect(t.seen[0]).toMatchObject({ method: 'tools/call', params: { name: 'echo' } });
    expect(String(t.seen[0]?.['id'])).toMatch(/^mcp-warden:/);
    expect(t.toSdk.map((m) => ('method' in m ? m.method : `response ${String((m as Msg)['id'])}`))).toEqual(['notifications/message', 'response 7']);
    expect(t.relay.size).toBe(0);
  });

  it("passes the upstream's JSON-RPC error on as a ProtocolError", async () => {
    const t = await setup((req, reply) => reply({ id: req['id'], error: { code: -32602, message: 'Unknown tool: nope', data: { hint: 1 } } }));
    const err = await t.relay.request('tools/call', { name: 'nope' }, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(-32602);
    expect((err as ProtocolError).message).toMatch(/Unknown tool: nope/);
  });

  it('relays progress under its own token, and leaves other tokens to the SDK', async () => {
    const t = await setup((req, reply) => {
      const token = (req['params'] as { _meta: { progressToken: string } })._meta.progressToken;
      void t.remote.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 3, progress: 9 } });
      void t.remote.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: 1, total: 2, message: 'half' } });
      reply({ id: req['id'], result: {} });
    });
    const updates: unknown[] = [];
    await t.relay.request('tools/call', { name: 'slow', _meta: { trace: 'keep' } }, { ...opts(), onProgress: (u) => updates.push(u) });
    expect(updates).toEqual([{ progress: 1, total: 2, message: 'half' }]);
    expect((t.seen[0]?.['params'] as { _meta: Msg })._meta['trace']).toBe('keep');
    expect(t.toSdk).toHaveLength(1);
  });

  it('cancels upstream when the caller aborts, and drops the late answer', async () => {
    let late: ((m: Msg) => void) | undefined;
    let id: unknown;
    const t = await setup((req, reply) => {
      id = req['id'];
      late = reply;
    });
    const ac = new AbortController();
    const pending = t.relay.request('tools/call', { name: 'hang' }, opts(ac.signal));
    await new Promise((r) => setImmediate(r));
    ac.abort(new Error('client went away'));
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    await new Promise((r) => setImmediate(r));
    expect(t.seen.at(-1)).toMatchObject({ method: 'notifications/cancelled', params: { requestId: id, reason: 'client went away' } });
    late?.({ id, result: {} });
    await new Promise((r) => setImmediate(r));
    expect(t.toSdk).toHaveLength(0);
  });

  it('times out a request the upstream never answers and tells the upstream', async () => {
    const t = await setup(() => undefined);
    const err = await t.relay.request('tools/call', { name: 'hang' }, { signal: new AbortController().signal, timeoutMs: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SdkError);
    expect((err as SdkError).code).toBe(SdkErrorCode.RequestTimeout);
    await new Promise((r) => setImmediate(r));
    expect(t.seen.at(-1)).toMatchObject({ method: 'notifications/cancelled', params: { reason: 'timed out' } });
  });

  it('fails waiting requests when the connection closes, and still tells the SDK', async () => {
    const t = await setup(() => undefined);
    const pending = t.relay.request('tools/call', { name: 'hang' }, opts());
    await t.remote.close();
    const err = await pending.catch((e: unknown) => e);
    expect((err as SdkError).code).toBe(SdkErrorCode.ConnectionClosed);
    expect(t.sdkClosed()).toBe(true);
    const after = await t.relay.request('tools/call', { name: 'x' }, opts()).catch((e: unknown) => e);
    expect((after as SdkError).code).toBe(SdkErrorCode.ConnectionClosed);
  });

  it('refuses an answer that is neither a result object nor an error', async () => {
    const t = await setup((req, reply) => reply({ id: req['id'], result: 'not an object' }));
    const err = await t.relay.request('tools/call', { name: 'x' }, opts()).catch((e: unknown) => e);
    expect((err as SdkError).code).toBe(SdkErrorCode.InvalidResult);
  });
});
