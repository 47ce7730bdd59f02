import { describe, expect, it } from 'vitest';
import { audit } from '../../../../src/gateway/middleware/audit/index.js';
import { GatewayError, GatewayErrorCode } from '../../../../src/gateway/errors.js';
import { makeCtx, memorySink } from '../../helpers.js';

describe('audit middleware', () => {
  it('records an allowed call with arguments, latency and result size', async () => {
    const sink = memorySink();
    const ctx = makeCtx({ params: { name: 'tool', arguments: { a: 1 } } });
    await audit({ sink })(ctx, async () => {
      ctx.server = 'srv';
      ctx.target = 'tool';
      ctx.resultSize = 42;
    });
    expect(sink.records).toHaveLength(1);
    expect(sink.records[0]).toMatchObject({ client: 'test-client', method: 'tools/call', server: 'srv', target: 'tool', decision: 'allow', args: { a: 1 }, resultSize: 42 });
    expect(sink.records[0]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('records refusals with their decision, rule and reason, and rethrows', async () => {
    const sink = memorySink();
    const ctx = makeCtx();
    const refusal = new GatewayError(GatewayErrorCode.ApprovalDenied, 'no', { reason: 'a human rejected the call', rule: 'rules[0]' }, 'rejected');
    await expect(
      audit({ sink })(ctx, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(sink.records[0]).toMatchObject({ decision: 'rejected', rule: 'rules[0]', reason: 'a human rejected the call', error: 'no', errorCode: -32081 });
  });

  it('keeps the decision when the upstream fails after an allow', async () => {
    const sink = memorySink();
    const ctx = makeCtx();
    await expect(
      audit({ sink })(ctx, async () => {
        ctx.decision = 'approved';
        throw new Error('upstream exploded');
      }),
    ).rejects.toThrow();
    expect(sink.records[0]).toMatchObject({ decision: 'approved', error: 'upstream exploded' });
  });
});
