/**
 * @module gateway/middleware/pin
 * Rug-pull protection: a tool whose definition differs from `mcp-warden.lock`, or that the lockfile
 * does not list, is refused until a human re-pins it. The catalog also hides such tools from
 * `tools/list`; this step is the enforcement for clients that call a name they remember.
 */
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext } from '../../types.js';

/** `pinned`: matches the lockfile. `changed`/`new`: refused. `unchecked`: no lockfile entry for the server and enforcement is off. */
export type PinStatus = 'pinned' | 'changed' | 'new' | 'unchecked';

/** Answers whether an upstream tool's current definition is approved. */
export interface PinGuard {
  status(server: string, tool: string): PinStatus;
}

export interface PinOptions {
  guard: PinGuard;
}

export function pin(options: PinOptions): Middleware<GatewayContext> {
  const { guard } = options;
  return async function pin(ctx, next) {
    if (ctx.op === 'tools/call' && ctx.server !== undefined && ctx.target !== undefined) {
      const status = guard.status(ctx.server, ctx.target);
      if (status === 'changed' || status === 'new') {
        const what = status === 'changed' ? 'its definition changed since it was pinned' : 'it is not in the lockfile';
        throw new GatewayError(GatewayErrorCode.Unpinned, `Tool ${ctx.requested} is blocked: ${what}. Review it and re-pin (mcp-warden pin) to allow it.`, {
          reason: `tool ${status === 'changed' ? 'definition changed' : 'not pinned'}`,
          rule: 'pinning',
          server: ctx.server,
          target: ctx.target,
        });
      }
    }
    await next();
  };
}
