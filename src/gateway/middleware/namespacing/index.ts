/**
 * @module gateway/middleware/namespacing
 * Maps what the client asked for (`github__create_issue`, a prompt name, a resource URI) to the
 * upstream server and its own name for it, and rewrites the request params accordingly. Names the
 * gateway does not expose (unknown, hidden by policy, or unpinned) are answered as unknown: the
 * client cannot tell a hidden tool from a missing one.
 */
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext, Operation } from '../../types.js';

/** Where a requested name leads. */
export interface Route {
  server: string;
  /** The upstream's own name (tool, prompt) or URI (resource). */
  target: string;
  /** HTTP/SSE upstream (DLP checks arguments sent to remote servers). */
  remote: boolean;
}

/** Resolves client-facing names to upstreams; backed by the gateway's catalog. */
export interface Router {
  resolve(op: Operation, requested: string, params: Record<string, unknown>): Route | undefined;
}

export interface NamespacingOptions {
  router: Router;
}

const WHAT: Record<Operation, string> = {
  'tools/call': 'tool',
  'prompts/get': 'prompt',
  'resources/read': 'resource',
  'completion/complete': 'completion reference',
};

/** Returns params with the client-facing name replaced by the upstream's. */
export function rewriteParams(op: Operation, params: Record<string, unknown>, target: string): Record<string, unknown> {
  switch (op) {
    case 'tools/call':
    case 'prompts/get':
      return { ...params, name: target };
    case 'resources/read':
      return { ...params, uri: target };
    case 'completion/complete': {
      const ref = params['ref'] as Record<string, unknown> | undefined;
      if (ref?.['type'] === 'ref/prompt') return { ...params, ref: { ...ref, name: target } };
      return params;
    }
  }
}

export function namespacing(options: NamespacingOptions): Middleware<GatewayContext> {
  const { router } = options;
  return async function namespacing(ctx, next) {
    const route = router.resolve(ctx.op, ctx.requested, ctx.params);
    if (!route) {
      throw new GatewayError(GatewayErrorCode.UnknownTarget, `Unknown ${WHAT[ctx.op]}: ${ctx.requested}`, { reason: `no exposed ${WHAT[ctx.op]} is called ${ctx.requested}`, target: ctx.requested });
    }
    ctx.server = route.server;
    ctx.target = route.target;
    ctx.remote = route.remote;
    if (route.target !== ctx.requested) ctx.params = rewriteParams(ctx.op, ctx.params, route.target);
    await next();
  };
}
