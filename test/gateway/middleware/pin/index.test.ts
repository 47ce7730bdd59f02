import { describe, expect, it } from 'vitest';
import { pin, type PinStatus } from '../../../../src/gateway/middleware/pin/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import { done, makeCtx } from '../../helpers.js';

describe('pin middleware', () => {
  const statuses: Record<string, PinStatus> = { ok: 'pinned', drift: 'changed', fresh: 'new', free: 'unchecked' };
  const mw = pin({ guard: { status: (_s, t) => statuses[t] ?? 'new' } });

  it('passes pinned and unchecked tools', async () => {
    await mw(makeCtx({ server: 'srv', target: 'ok' }), done);
    await mw(makeCtx({ server: 'srv', target: 'free' }), done);
  });

  it('refuses changed and new tools with a hint to re-pin', async () => {
    for (const target of ['drift', 'fresh']) {
      const err = await mw(makeCtx({ server: 'srv', target, requested: `srv__${target}` }), done).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GatewayError);
      expect((err as GatewayError).code).toBe(-32083);
      expect((err as GatewayError).message).toMatch(/re-pin/);
    }
  });

  it('does not gate prompts or resources', async () => {
    await mw(makeCtx({ op: 'prompts/get', server: 'srv', target: 'drift' }), done);
  });
});
