import { describe, expect, it } from 'vitest';
import { namespacing, rewriteParams, type Router } from '../../../../src/gateway/middleware/namespacing/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import { makeCtx } from '../../helpers.js';

const router: Router = {
  resolve(op, requested) {
    if (op === 'tools/call' && requested === 'github__create_issue') return { server: 'github', target: 'create_issue', remote: true };
    if (op === 'resources/read' && requested === 'file:///a') return { server: 'fs', target: 'file:///a', remote: false };
    return undefined;
  },
};

describe('namespacing middleware', () => {
  it('routes a namespaced tool and rewrites the name', async () => {
    const ctx = makeCtx({ requested: 'github__create_issue', params: { name: 'github__create_issue', arguments: { t: 1 } } });
    let seen: unknown;
    await namespacing({ router })(ctx, async () => {
      seen = ctx.params;
    });
    expect(ctx).toMatchObject({ server: 'github', target: 'create_issue', remote: true });
    expect(seen).toEqual({ name: 'create_issue', arguments: { t: 1 } });
  });

  it('answers unknown and hidden names as unknown', async () => {
    const ctx = makeCtx({ requested: 'github__delete_repo' });
    const err = await namespacing({ router })(ctx, async () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe(-32602);
    expect((err as GatewayError).message).toBe('Unknown tool: github__delete_repo');
  });

  it('rewrites prompt names in completion references', () => {
    expect(rewriteParams('completion/complete', { ref: { type: 'ref/prompt', name: 'a__p' }, argument: { name: 'x', value: 'y' } }, 'p')).toEqual({
      ref: { type: 'ref/prompt', name: 'p' },
      argument: { name: 'x', value: 'y' },
    });
    expect(rewriteParams('resources/read', { uri: 'x' }, 'y')).toEqual({ uri: 'y' });
  });
});
