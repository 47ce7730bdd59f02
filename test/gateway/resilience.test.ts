import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '@modelcontextprotocol/client';
import type { Upstream } from '../../src/gateway/upstream/upstream.js';
import { startGateway, stdioSpec, type Harness } from './harness.js';

async function until(up: Upstream, state: string): Promise<void> {
  while (up.state !== state) await once(up, 'state');
}

const statsOf = async (c: Awaited<ReturnType<Harness['connect']>>, name: string) =>
  JSON.parse(((await c.callTool({ name, arguments: {} })).content as Array<{ text: string }>)[0]?.text ?? '{}') as { cancelled: number; pid: number };

describe('resilience', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({ upstreams: [stdioSpec('fs'), stdioSpec('slow', { timeoutMs: 300 })], maxMessageBytes: 1_000_000 });
  });
  afterAll(async () => h.close());

  it('fails calls cleanly while a crashed upstream restarts, then serves again', async () => {
    const c = await h.connect();
    const up = h.gateway.upstreams.get('fs') as Upstream;
    const before = await statsOf(c, 'fs__stats');
    const err = await c.callTool({ name: 'fs__crash', arguments: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(-32086);
    expect((err as ProtocolError).message).toMatch(/went away during the call/);
    if (up.state !== 'ready') {
      const during = await c.callTool({ name: 'fs__echo', arguments: { text: 'x' } }).catch((e: unknown) => e);
      if (during instanceof ProtocolError) expect(during.message).toMatch(/unavailable/);
    }
    await until(up, 'ready');
    const after = await statsOf(c, 'fs__stats');
    expect(after.pid).not.toBe(before.pid);
    expect(up.restarts).toBeGreaterThanOrEqual(1);
  });

  it('times out a hung upstream call and tells the upstream to stop', async () => {
    const c = await h.connect();
    const err = await c.callTool({ name: 'slow__hang', arguments: {} }).catch((e: unknown) => e);
    expect((err as ProtocolError).code).toBe(-32087);
    expect((err as ProtocolError).message).toMatch(/did not answer within 300 ms/);
    expect((await statsOf(c, 'slow__stats')).cancelled).toBe(1);
  });

  it('cancels the upstream call when the client disconnects mid-call', async () => {
    const c = await h.connect();
    const pending = c.callTool({ name: 'fs__hang', arguments: {} }).catch(() => undefined);
    // Wait until the call has reached the upstream, then drop the client.
    const up = h.gateway.upstreams.get('fs') as Upstream;
    while (up.pendingRequests === 0) await new Promise((r) => setImmediate(r));
    await c.close();
    await pending;
    const rec = await h.sink.next((r) => r.target === 'hang' && r.server === 'fs');
    expect(rec, JSON.stringify(rec)).toMatchObject({ error: expect.any(String) });
    const c2 = await h.connect();
    expect((await statsOf(c2, 'fs__stats')).cancelled).toBe(1);
  });

  it('survives a result larger than the message limit', async () => {
    const c = await h.connect();
    const up = h.gateway.upstreams.get('fs') as Upstream;
    const err = await c.callTool({ name: 'fs__bytes', arguments: { n: 2_000_000 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    await until(up, 'ready');
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'still alive' } })).resolves.toBeDefined();
  });

  it('coalesces a list_changed storm into a few refreshes and stays responsive', async () => {
    const c = await h.connect();
    let notified = 0;
    c.setNotificationHandler('notifications/tools/list_changed', () => {
      notified++;
    });
    await c.callTool({ name: 'fs__storm', arguments: { n: 5000 } });
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'responsive' } })).resolves.toBeDefined();
    expect(notified).toBeLessThan(50);
  });

  it('forwards upstream log messages with the server name as logger', async () => {
    const c = await h.connect();
    const got = new Promise<{ logger?: string; data: unknown }>((resolve) => c.setNotificationHandler('notifications/message', (n) => resolve(n.params as { logger?: string; data: unknown })));
    await c.callTool({ name: 'fs__log', arguments: { message: 'disk almost full' } });
    expect(await got).toMatchObject({ logger: 'fs/fixture-logger', data: 'disk almost full' });
  });
});
