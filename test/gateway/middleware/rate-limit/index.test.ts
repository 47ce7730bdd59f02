import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../../../src/gateway/middleware/rate-limit/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import { done, makeCtx, policyOf } from '../../helpers.js';

const policy = policyOf(`version: 1
rateLimits:
  - id: per-client
    server: srv
    tool: "*"
    per: client
    limit: 2
    window: 1s
`);

describe('rate-limit middleware', () => {
  it('allows a burst up to the limit, refuses beyond, refills over the window', async () => {
    let now = 0;
    const mw = rateLimit({ policy: () => policy, now: () => now });
    const call = (client = 'a') => mw(makeCtx({ server: 'srv', target: 'tool', client }), done);
    await call();
    await call();
    const err = await call().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).data).toMatchObject({ rule: 'per-client' });
    expect((err as GatewayError).message).toMatch(/retry in 500 ms/);
    await call('b'); // another client has its own bucket
    now = 500;
    await call();
    await expect(call()).rejects.toBeInstanceOf(GatewayError);
  });

  it('ignores calls no limit matches', async () => {
    const mw = rateLimit({ policy: () => policy, now: () => 0 });
    for (let i = 0; i < 10; i++) await mw(makeCtx({ server: 'other', target: 'tool' }), done);
  });
});
