import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { startGateway, stdioSpec, type Harness } from './harness.js';

/** A client that can answer every server-to-client request, recording what it was asked. */
function capableClient(asked: Array<{ method: string; params: unknown }>) {
  return [
    { capabilities: { sampling: {}, elicitation: { form: {} }, roots: { listChanged: true } } },
    (c: Client) => {
      c.setRequestHandler('sampling/createMessage', async (req) => {
        asked.push({ method: req.method, params: req.params });
        return { role: 'assistant', content: { type: 'text', text: 'sunny' }, model: 'test-model' };
      });
      c.setRequestHandler('elicitation/create', async (req) => {
        asked.push({ method: req.method, params: req.params });
        return { action: 'accept', content: { city: 'Oslo' } };
      });
      c.setRequestHandler('roots/list', async (req) => {
        asked.push({ method: req.method, params: req.params });
        return { roots: [{ uri: 'file:///home/me/project', name: 'project' }] };
      });
    },
  ] as const;
}

const text = (res: Awaited<ReturnType<Client['callTool']>>) => (res.content as Array<{ text: string }>)[0]?.text ?? '';

describe('requests from upstream servers to the client (sampling, elicitation, roots)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('relays elicitation (labelled with the server), roots and roots changes, and denies sampling by default', async () => {
    h = await startGateway({ upstreams: [stdioSpec('alpha')] });
    const asked: Array<{ method: string; params: unknown }> = [];
    const c = await h.connect(...capableClient(asked));

    expect(text(await c.callTool({ name: 'alpha__ask_client', arguments: { what: 'elicitation' } }))).toBe('answer: {"action":"accept","content":{"city":"Oslo"}}');
    expect(asked[0]).toMatchObject({ method: 'elicitation/create', params: { message: '[alpha] Which city?' } });

    expect(text(await c.callTool({ name: 'alpha__ask_client', arguments: { what: 'roots' } }))).toContain('file:///home/me/project');

    const sampling = text(await c.callTool({ name: 'alpha__ask_client', arguments: { what: 'sampling' } }));
    expect(sampling).toMatch(/^refused: /);
    expect(asked.map((a) => a.method)).not.toContain('sampling/createMessage');

    await c.sendRootsListChanged();
    await expect.poll(async () => JSON.parse(text(await c.callTool({ name: 'alpha__stats', arguments: {} }))).rootsChanged, { timeout: 60_000 }).toBe(1);

    const records = h.sink.records.filter((r) => r.requested === r.method);
    expect(records.map((r) => [r.method, r.server, r.decision])).toEqual([
      ['elicitation/create', 'alpha', 'allow'],
      ['roots/list', 'alpha', 'allow'],
    ]);
  });

  it('relays sampling when the policy allows it, and audits it', async () => {
    h = await startGateway({ upstreams: [stdioSpec('alpha')], policy: 'version: 1\nserverRequests: { sampling: allow }\n' });
    const asked: Array<{ method: string; params: unknown }> = [];
    const c = await h.connect(...capableClient(asked));
    expect(text(await c.callTool({ name: 'alpha__ask_client', arguments: { what: 'sampling' } }))).toContain('"text":"sunny"');
    expect(asked[0]).toMatchObject({ method: 'sampling/createMessage', params: { maxTokens: 50 } });
    expect(h.sink.records.find((r) => r.method === 'sampling/createMessage')).toMatchObject({ server: 'alpha', decision: 'allow', rule: 'serverRequests.sampling' });
  });

  it('refuses cleanly when the policy denies, the client lacks the capability, or several clients are connected', async () => {
    h = await startGateway({ upstreams: [stdioSpec('alpha')], policy: 'version: 1\nserverRequests: { elicitation: deny, sampling: allow }\n' });
    const plain = await h.connect(); // declares no client capabilities
    expect(text(await plain.callTool({ name: 'alpha__ask_client', arguments: { what: 'elicitation' } }))).toMatch(/^refused: /);
    expect(text(await plain.callTool({ name: 'alpha__ask_client', arguments: { what: 'sampling' } }))).toMatch(/refused: .*client does not support sampling/);
    const denied = h.sink.records.filter((r) => r.requested === r.method && r.decision === 'deny');
    expect(denied.map((r) => r.reason)).toEqual([expect.stringContaining('client does not support sampling')]);

    const asked: Array<{ method: string; params: unknown }> = [];
    const second = await h.connect(...capableClient(asked));
    expect(text(await second.callTool({ name: 'alpha__ask_client', arguments: { what: 'sampling' } }))).toMatch(/refused: .*2 clients are connected/);
    expect(asked).toEqual([]);
  });
});
