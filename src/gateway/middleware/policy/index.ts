/**
 * @module gateway/middleware/policy
 * Applies the policy: `deny` refuses with the rule and reason, `ask` hands over to the approval
 * step, `allow` passes. Prompts and resources are gated per server (`prompts:`/`resources:`).
 * Reads the current policy on every call, so a hot reload applies to the next call.
 */
import type { CompiledPolicy } from '../../../policy/index.js';
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext } from '../../types.js';

export interface PolicyOptions {
  policy: () => CompiledPolicy;
}

export function policy(options: PolicyOptions): Middleware<GatewayContext> {
  return async function policy(ctx, next) {
    const server = ctx.server ?? '';
    const current = options.policy();
    if (ctx.op === 'tools/call') {
      const args = ctx.params['arguments'];
      const decision = current.decide({
        server,
        tool: ctx.target ?? '',
        client: ctx.client.principal ?? ctx.client.name,
        args: args !== null && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : undefined,
      });
      ctx.rule = decision.rule;
      if (decision.action === 'deny') {
        const reason = decision.reason ?? 'denied by policy';
        throw new GatewayError(GatewayErrorCode.PolicyDenied, `Call to ${ctx.requested} denied by mcp-warden policy (${decision.rule}): ${reason}`, {
          reason,
          rule: decision.rule,
          server,
          target: ctx.target ?? '',
        });
      }
      if (decision.reason !== undefined) ctx.reason = decision.reason;
      ctx.needsApproval = decision.action === 'ask';
    } else {
      const kind = ctx.op === 'prompts/get' ? 'prompts' : ctx.op === 'resources/read' ? 'resources' : undefined;
      if (kind && !current.allowsKind(server, kind)) {
        const rule = `servers.${server}.${kind}`;
        throw new GatewayError(GatewayErrorCode.PolicyDenied, `${ctx.op} on ${server} denied by mcp-warden policy (${rule})`, { reason: `${kind} of this server are denied`, rule, server, target: ctx.target ?? '' });
      }
    }
    await next();
  };
}
