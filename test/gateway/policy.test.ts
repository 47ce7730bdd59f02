import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '@modelcontextprotocol/client';
import { compilePolicy, parsePolicy } from '../../src/policy/index.js';
import { startGateway, stdioSpec, type Harness } from './harness.js';

const POLICY = `version: 1
servers:
  fs:
    expose: { deny: [crash, storm] }
rules:
  - id: no-writes
    server: fs
    tool: write_file
    action: deny
    reason: writes are not allowed from agents
  - id: echo-short
    server: fs
    tool: echo
    action: allow
    args:
      text: { maxSize: 16, regex: "[a-z ]+" }
rateLimits:
  - id: bytes-burst
    server: fs
    tool: bytes
    per: client
    limit: 2
    window: 1h
`;

describe('policy enforcement through the gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGateway({ upstreams: [stdioSpec('fs')], policy: POLICY });
  });
  afterAll(async () => h.close());

  it('hides tools the policy does not expose, from listing and from calls', async () => {
    const c = await h.connect();
    const names = (await c.listTools()).tools.map((t) => t.name);
    expect(names).toContain('fs__echo');
    expect(names).not.toContain('fs__crash');
    await expect(c.callTool({ name: 'fs__crash', arguments: {} })).rejects.toThrow(/Unknown tool: fs__crash/);
  });

  it('denies with a clear MCP error naming the rule, and audits the denial', async () => {
    const c = await h.connect();
    const err = await c.callTool({ name: 'fs__write_file', arguments: { path: '/tmp/x', content: 'y' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe(-32080);
    expect((err as ProtocolError).message).toContain('denied by mcp-warden policy (no-writes): writes are not allowed from agents');
    expect((err as ProtocolError).data).toMatchObject({ source: 'mcp-warden', rule: 'no-writes' });
    expect(h.sink.records.at(-1)).toMatchObject({ target: 'write_file', decision: 'deny', rule: 'no-writes', errorCode: -32080 });
  });

  it('enforces argument constraints', async () => {
    const c = await h.connect();
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'fine' } })).resolves.toBeDefined();
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'UPPER' } })).rejects.toThrow(/argument "text" does not match/);
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'much much too long text' } })).rejects.toThrow(/larger than 16 bytes/);
  });

  it('rate-limits per client', async () => {
    const c = await h.connect();
    await c.callTool({ name: 'fs__bytes', arguments: { n: 1 } });
    await c.callTool({ name: 'fs__bytes', arguments: { n: 1 } });
    const err = await c.callTool({ name: 'fs__bytes', arguments: { n: 1 } }).catch((e: unknown) => e);
    expect((err as ProtocolError).code).toBe(-32082);
    expect(h.sink.records.at(-1)).toMatchObject({ decision: 'deny', rule: 'bytes-burst' });
  });

  it('applies a reloaded policy to the next call and tells clients the tool list changed', async () => {
    const c = await h.connect();
    const changed = new Promise<void>((resolve) => c.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
    h.policy.set(compilePolicy(parsePolicy('version: 1\ndefault: deny\nservers:\n  fs:\n    expose: { allow: [echo] }\n', 'reloaded.yaml')));
    await changed;
    expect((await c.listTools()).tools.map((t) => t.name)).toEqual(['fs__echo']);
    await expect(c.callTool({ name: 'fs__echo', arguments: { text: 'x' } })).rejects.toThrow(/policy default/);
  });
});
