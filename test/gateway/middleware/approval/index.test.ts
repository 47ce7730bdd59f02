import { describe, expect, it } from 'vitest';
import { approval, callKey, type TerminalApprover } from '../../../../src/gateway/middleware/approval/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import type { ApprovalAnswer, ApprovalChannel } from '../../../../src/gateway/types.js';
import { makeCtx, policyOf } from '../../helpers.js';

const p = policyOf('version: 1\napproval: { timeout: 5s }\n');

function channel(answer: ApprovalAnswer, canElicit = true): ApprovalChannel & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    canElicit,
    prompts,
    async elicit(prompt) {
      prompts.push(prompt.message);
      return answer;
    },
  };
}

function askCtx(approvalChannel?: ApprovalChannel) {
  const ctx = makeCtx({ server: 'srv', target: 'write', requested: 'srv__write', params: { name: 'write', arguments: { path: '/x', token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' } }, ...(approvalChannel ? { approval: approvalChannel } : {}) });
  ctx.needsApproval = true;
  return ctx;
}

describe('approval middleware', () => {
  it('passes calls that need no approval without asking', async () => {
    const ch = channel({ outcome: 'rejected' });
    let ran = false;
    await approval({ policy: () => p })(makeCtx({ approval: ch }), async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(ch.prompts).toHaveLength(0);
  });

  it('asks through elicitation, redacting secrets in the preview, and forwards on approval', async () => {
    const ch = channel({ outcome: 'approved', approver: 'elicitation:test-client' });
    const ctx = askCtx(ch);
    let ran = false;
    await approval({ policy: () => p })(ctx, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(ctx).toMatchObject({ decision: 'approved', approver: 'elicitation:test-client' });
    expect(ch.prompts[0]).toMatch(/tool "write" on server "srv"/);
    expect(ch.prompts[0]).not.toContain('ghp_abcdefghijklmnop');
  });

  it('refuses on rejection and on timeout, with the matching decision', async () => {
    for (const outcome of ['rejected', 'timeout'] as const) {
      const ctx = askCtx(channel({ outcome }));
      const err = await approval({ policy: () => p })(ctx, async () => {
        throw new Error('must not run');
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GatewayError);
      expect((err as GatewayError).decision).toBe(outcome);
    }
  });

  it('returns the input_required result while approval is pending', async () => {
    const ctx = askCtx(channel({ outcome: 'pending', response: { resultType: 'input_required' } }));
    await approval({ policy: () => p })(ctx, async () => {
      throw new Error('must not run');
    });
    expect(ctx).toMatchObject({ decision: 'pending', inputRequired: { resultType: 'input_required' } });
  });

  it('falls back to the terminal, and denies when nobody can be asked', async () => {
    const terminal: TerminalApprover = { available: true, ask: async () => ({ outcome: 'approved', approver: 'terminal:alice' }) };
    const ctx = askCtx(channel({ outcome: 'rejected' }, false));
    await approval({ policy: () => p, terminal })(ctx, async () => {});
    expect(ctx.approver).toBe('terminal:alice');
    const none = askCtx(channel({ outcome: 'approved' }, false));
    await expect(approval({ policy: () => p })(none, async () => {})).rejects.toThrow(/needs human approval/);
  });

  it('binds answers to the exact call', () => {
    expect(callKey('s', 't', { a: 1, b: 2 })).toBe(callKey('s', 't', { b: 2, a: 1 }));
    expect(callKey('s', 't', { a: 1 })).not.toBe(callKey('s', 't', { a: 2 }));
    expect(callKey('s', 't', {})).not.toBe(callKey('s', 'u', {}));
  });
});
