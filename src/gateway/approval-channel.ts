/**
 * @module gateway/approval-channel
 * Reaching the human behind a client through MCP elicitation, in both protocol eras:
 * - 2025-era sessions: a pushed `elicitation/create`, awaited with the approval timeout.
 * - 2026-07-28 requests: an `input_required` result carrying the elicitation; the client asks the
 *   user and retries the call with the answer. The retry must carry our HMAC-signed, single-use,
 *   time-limited `requestState` bound to this exact call, so neither a model nor a replayed or
 *   edited request can approve anything by itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequestStateCodec, inputRequired, inputResponse, SdkError, SdkErrorCode, type ElicitRequestFormParams, type ElicitResult, type RequestOptions, type ServerContext } from '@modelcontextprotocol/server';
import type { ApprovalAnswer, ApprovalChannel, ApprovalPrompt } from './types.js';

/** The key of our elicitation in `inputRequests` / `inputResponses`. */
export const APPROVAL_INPUT_KEY = 'mcp-warden-approval';

const REQUESTED_SCHEMA = {
  type: 'object' as const,
  properties: { approve: { type: 'boolean' as const, title: 'Approve this call', description: 'Allow the tool call described above to run once.' } },
  required: ['approve'],
};

interface StatePayload {
  /** callKey: server, tool and canonical arguments, hashed. */
  k: string;
  /** Single-use nonce. */
  n: string;
  /** Epoch ms after which the answer no longer counts (the approval timeout). */
  e: number;
}

/** Approval state shared by every 2026-era request of one gateway (signing key, used nonces). */
export class ApprovalStateStore {
  private readonly codec = createRequestStateCodec<StatePayload>({ key: randomBytes(32), ttlSeconds: 86_400 });
  private readonly used = new Map<string, number>();

  mint(payload: StatePayload): Promise<string> {
    return this.codec.mint(payload);
  }

  async verify(state: string, ctx: ServerContext): Promise<StatePayload | undefined> {
    try {
      return await this.codec.verify(state, ctx);
    } catch {
      return undefined;
    }
  }

  /** Marks a nonce used; false when it already was (a replayed retry). */
  consume(nonce: string, expires: number): boolean {
    const now = Date.now();
    if (this.used.size > 1000) for (const [n, e] of this.used) if (e < now) this.used.delete(n);
    if (this.used.has(nonce)) return false;
    this.used.set(nonce, expires);
    return true;
  }
}

function answerOf(view: ReturnType<typeof inputResponse>, approver: string): ApprovalAnswer {
  if (view.kind === 'elicit' && view.action === 'accept' && view.content?.['approve'] === true) return { outcome: 'approved', approver };
  return { outcome: 'rejected', approver };
}

/** Sends `elicitation/create` to the client: the request context's, or the session server's. */
export type ElicitInput = (params: ElicitRequestFormParams, options: RequestOptions) => Promise<ElicitResult>;

/** 2025-era: push an elicitation request and wait for the answer. */
export function legacyApprovalChannel(elicitInput: ElicitInput, canElicit: boolean, approver: string): ApprovalChannel {
  return {
    canElicit,
    async elicit(prompt: ApprovalPrompt, _callKey: string, signal: AbortSignal): Promise<ApprovalAnswer> {
      try {
        const res = await elicitInput({ mode: 'form', message: prompt.message, requestedSchema: REQUESTED_SCHEMA }, { timeout: prompt.timeoutMs, signal });
        return answerOf({ kind: 'elicit', action: res.action, ...(res.content ? { content: res.content as Record<string, unknown> } : {}) }, approver);
      } catch (err) {
        if (err instanceof SdkError && err.code === SdkErrorCode.RequestTimeout) return { outcome: 'timeout' };
        throw err;
      }
    },
  };
}

/** 2026-07-28: answer with input_required, or read the answer from the client's retry. */
export function modernApprovalChannel(ctx: ServerContext, canElicit: boolean, approver: string, store: ApprovalStateStore): ApprovalChannel {
  return {
    canElicit,
    async elicit(prompt: ApprovalPrompt, callKey: string): Promise<ApprovalAnswer> {
      const raw = ctx.mcpReq.requestState();
      const view = inputResponse(ctx.mcpReq.inputResponses, APPROVAL_INPUT_KEY);
      if (typeof raw === 'string' && view.kind !== 'missing') {
        const state = await store.verify(raw, ctx);
        // A state we did not sign, or signed for another call, is ignored: the user is asked afresh.
        if (state && state.k === callKey) {
          if (Date.now() > state.e) return { outcome: 'timeout' };
          if (store.consume(state.n, state.e)) return answerOf(view, approver);
        }
      }
      const requestState = await store.mint({ k: callKey, n: randomUUID(), e: Date.now() + prompt.timeoutMs });
      const response = inputRequired({
        inputRequests: { [APPROVAL_INPUT_KEY]: inputRequired.elicit({ message: prompt.message, requestedSchema: REQUESTED_SCHEMA }) },
        requestState,
      });
      return { outcome: 'pending', response: response as unknown as Record<string, unknown> };
    },
  };
}
