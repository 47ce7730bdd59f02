/**
 * @module gateway/middleware/approval
 * Human in the loop for `ask`: the question goes to the user through MCP elicitation when the
 * client supports it, otherwise to the gateway's terminal. No answer in time means deny. The
 * answer only ever comes from the elicitation response or the terminal, never from tool
 * arguments or any other text a model wrote; it is bound to this exact call (tool and arguments).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { redactSecrets } from '../../../analysis/secrets.js';
import type { CompiledPolicy } from '../../../policy/index.js';
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { ApprovalAnswer, ApprovalPrompt, GatewayContext } from '../../types.js';

/** A prompt on the gateway's own terminal (see gateway/approval/terminal.ts). */
export interface TerminalApprover {
  /** False when there is no terminal to ask on (service, CI, no /dev/tty). */
  readonly available: boolean;
  ask(prompt: ApprovalPrompt, signal: AbortSignal): Promise<ApprovalAnswer>;
}

export interface ApprovalOptions {
  policy: () => CompiledPolicy;
  terminal?: TerminalApprover;
}

/** Longest argument preview shown to the human. */
const PREVIEW_CHARS = 600;

/** Identifies one call (server, tool, arguments) so an answer cannot be replayed onto another. */
export function callKey(server: string, tool: string, args: unknown): string {
  return createHash('sha256')
    .update(`${server}\0${tool}\0${canonicalize(args ?? {}) ?? ''}`)
    .digest('base64url');
}

function promptText(ctx: GatewayContext): string {
  const args = JSON.stringify(ctx.params['arguments'] ?? {}) ?? '{}';
  const preview = redactSecrets(args.length > PREVIEW_CHARS ? `${args.slice(0, PREVIEW_CHARS)}… (${args.length} chars)` : args);
  const who = ctx.client.principal ?? ctx.client.name;
  return `mcp-warden: allow ${who} to call tool "${ctx.target ?? ''}" on server "${ctx.server ?? ''}"?\nArguments: ${preview}${ctx.reason ? `\nPolicy note: ${ctx.reason}` : ''}`;
}

export function approval(options: ApprovalOptions): Middleware<GatewayContext> {
  return async function approval(ctx, next) {
    if (!ctx.needsApproval) return next();
    const { timeout, channel } = options.policy().approval;
    const prompt: ApprovalPrompt = { message: promptText(ctx), timeoutMs: timeout };
    const server = ctx.server ?? '';
    const target = ctx.target ?? '';
    let answer: ApprovalAnswer;
    if (channel !== 'terminal' && ctx.approval?.canElicit) {
      answer = await ctx.approval.elicit(prompt, callKey(server, target, ctx.params['arguments']), ctx.signal);
    } else if (channel !== 'elicitation' && options.terminal?.available) {
      answer = await options.terminal.ask(prompt, ctx.signal);
    } else {
      const why = channel === 'elicitation' ? 'the client does not support elicitation' : channel === 'terminal' ? 'the gateway has no terminal' : 'the client does not support elicitation and the gateway has no terminal';
      throw new GatewayError(GatewayErrorCode.ApprovalDenied, `Call to ${ctx.requested} needs human approval, but ${why}; denied.`, { reason: `approval unavailable: ${why}`, rule: ctx.rule ?? 'ask', server, target }, 'deny');
    }
    switch (answer.outcome) {
      case 'pending':
        ctx.decision = 'pending';
        ctx.inputRequired = answer.response;
        return;
      case 'approved':
        ctx.decision = 'approved';
        if (answer.approver !== undefined) ctx.approver = answer.approver;
        return next();
      case 'rejected':
      case 'timeout': {
        if (answer.approver !== undefined) ctx.approver = answer.approver;
        const reason = answer.outcome === 'rejected' ? 'a human rejected the call' : `no approval within ${timeout} ms`;
        throw new GatewayError(GatewayErrorCode.ApprovalDenied, `Call to ${ctx.requested} denied: ${reason}.`, { reason, rule: ctx.rule ?? 'ask', server, target }, answer.outcome);
      }
    }
  };
}
