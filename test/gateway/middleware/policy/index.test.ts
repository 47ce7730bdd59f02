import { describe, expect, it } from 'vitest';
import { policy } from '../../../../src/gateway/middleware/policy/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import { done, makeCtx, policyOf } from '../../helpers.js';

const p = policyOf(`version: 1
servers:
  srv: { prompts: deny }
rules:
  - { id: no-rm, server: srv, tool: rm, action: deny, reason: destructive }
  - { server: srv, tool: write, action: ask }
  - { server: srv, tool: read, action: allow, args: { path: { pathPrefix: /data } } }
`);
const mw = policy({ policy: () => p });

describe('policy middleware', () => {
  it('denies with a clear error naming the rule', async () => {
    const err = await mw(makeCtx({ server: 'srv', target: 'rm', requested: 'srv__rm' }), done).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).message).toBe('Call to srv__rm denied by mcp-warden policy (no-rm): destructive');
    expect((err as GatewayError).data).toMatchObject({ rule: 'no-rm', reason: 'destructive', source: 'mcp-warden' });
  });

  it('marks ask calls for approval and allows allowed ones', async () => {
    const ask = makeCtx({ server: 'srv', target: 'write' });
    await mw(ask, done);
    expect(ask.needsApproval).toBe(true);
    const read = makeCtx({ server: 'srv', target: 'read', params: { name: 'read', arguments: { path: '/data/x' } } });
    await mw(read, done);
    expect(read).toMatchObject({ needsApproval: false, rule: 'rules[2]' });
  });

  it('denies constraint violations', async () => {
    const ctx = makeCtx({ server: 'srv', target: 'read', params: { name: 'read', arguments: { path: '/etc/passwd' } } });
    await expect(mw(ctx, done)).rejects.toThrow(/outside the allowed path prefixes/);
  });

  it('gates prompts per server', async () => {
    await expect(mw(makeCtx({ op: 'prompts/get', server: 'srv', target: 'p' }), done)).rejects.toThrow(/prompts of this server are denied|servers.srv.prompts/);
    await mw(makeCtx({ op: 'resources/read', server: 'srv', target: 'file:///x' }), done);
  });
});
