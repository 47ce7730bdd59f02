import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '@modelcontextprotocol/client';
import { startGateway, stdioSpec, type Harness } from './harness.js';

describe('gateway pass-through (stdio upstreams, 2025 and 2026-07-28 clients)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({ upstreams: [stdioSpec('alpha'), stdioSpec('beta')] });
  });
  afterAll(async () => h.close());

  it('namespaces tools from every upstream', async () => {
    const c = await h.connect();
    const { tools } = await c.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['alpha__echo', 'beta__echo', 'alpha__calculator']));
    expect(names.filter((n) => n.endsWith('__echo'))).toHaveLength(2);
  });

  it('routes calls to the right upstream and records them', async () => {
    const c = await h.connect();
    const res = await c.callTool({ name: 'beta__echo', arguments: { text: 'hi' } });
    expect(res.content).toEqual([{ type: 'text', text: '{"text":"hi"}' }]);
    const rec = h.sink.records.at(-1);
    expect(rec).toMatchObject({ server: 'beta', target: 'echo', requested: 'beta__echo', decision: 'allow', client: 'test-client', args: { text: 'hi' } });
    expect(rec?.resultSize).toBeGreaterThan(0);
  });

  it('answers unknown tools with a clean MCP error', async () => {
    const c = await h.connect();
    const err = await c.callTool({ name: 'alpha__nope', arguments: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).message).toMatch(/Unknown tool: alpha__nope/);
  });

  it('passes prompts, resources and templates through', async () => {
    const c = await h.connect();
    const { prompts } = await c.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['alpha__greet', 'beta__greet']));
    const prompt = await c.getPrompt({ name: 'alpha__greet', arguments: { who: 'Ada' } });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello Ada' });
    const { resources } = await c.listResources();
    expect(resources.map((r) => r.uri)).toContain('fixture://readme');
    const read = await c.readResource({ uri: 'fixture://readme' });
    expect(read.contents[0]).toMatchObject({ text: 'readme of alpha' });
  });

  it('relays progress notifications', async () => {
    const c = await h.connect(undefined, undefined, true);
    const seen: number[] = [];
    await c.callTool({ name: 'alpha__progress', arguments: {} }, { onprogress: (p) => seen.push(p.progress) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('serves 2026-07-28 clients over the same connection type', async () => {
    const c = await h.connect({ versionNegotiation: { mode: 'auto' } });
    expect(c.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const res = await c.callTool({ name: 'alpha__echo', arguments: { text: 'modern' } });
    expect(res.content).toEqual([{ type: 'text', text: '{"text":"modern"}' }]);
  });
});

describe('namespace separator', () => {
  it('is configurable: tools become <server><separator><tool> and route back', async () => {
    const h = await startGateway({ upstreams: [stdioSpec('alpha'), stdioSpec('beta')], separator: '.' });
    try {
      const c = await h.connect();
      const names = (await c.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['alpha.echo', 'beta.echo']));
      expect(names.some((n) => n.includes('__'))).toBe(false);
      const res = await c.callTool({ name: 'beta.echo', arguments: { text: 'dot' } });
      expect(res.content).toEqual([{ type: 'text', text: '{"text":"dot"}' }]);
      expect(h.sink.records.at(-1)).toMatchObject({ server: 'beta', target: 'echo', requested: 'beta.echo' });
    } finally {
      await h.close();
    }
  });
});
