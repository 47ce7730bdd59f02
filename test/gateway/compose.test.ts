import { describe, expect, it } from 'vitest';
import { compose, type Middleware } from '../../src/gateway/compose.js';

interface Ctx {
  log: string[];
}

describe('compose', () => {
  it('runs middleware in onion order around the terminal', async () => {
    const mw = (name: string): Middleware<Ctx> =>
      async function step(ctx, next) {
        ctx.log.push(`${name}>`);
        await next();
        ctx.log.push(`<${name}`);
      };
    const ctx: Ctx = { log: [] };
    await compose([mw('a'), mw('b')])(ctx, async () => {
      ctx.log.push('terminal');
    });
    expect(ctx.log).toEqual(['a>', 'b>', 'terminal', '<b', '<a']);
  });

  it('lets a middleware answer without calling next', async () => {
    const ctx: Ctx = { log: [] };
    await compose<Ctx>([async (c) => void c.log.push('short-circuit')])(ctx, async () => {
      ctx.log.push('terminal');
    });
    expect(ctx.log).toEqual(['short-circuit']);
  });

  it('rejects a second next() call', async () => {
    const twice: Middleware<Ctx> = async (_ctx, next) => {
      await next();
      await next();
    };
    let calls = 0;
    await expect(
      compose([twice])({ log: [] }, async () => {
        calls++;
      }),
    ).rejects.toThrow('next() called multiple times');
    expect(calls).toBe(1);
  });

  it('sends Errors to onError and rethrows; non-Errors are rethrown untouched', async () => {
    const seen: string[] = [];
    const fail = compose<Ctx>(
      [
        async () => {
          throw new Error('boom');
        },
      ],
      { onError: (e) => seen.push(e.message) },
    );
    await expect(fail({ log: [] })).rejects.toThrow('boom');
    expect(seen).toEqual(['boom']);
    const odd = compose<Ctx>(
      [
        async () => {
          throw 'not an error';
        },
      ],
      { onError: (e) => seen.push(e.message) },
    );
    await expect(odd({ log: [] })).rejects.toBe('not an error');
    expect(seen).toEqual(['boom']);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const sync = ((() => {
      throw new Error('sync');
    }) as unknown) as Middleware<Ctx>;
    await expect(compose([sync])({ log: [] })).rejects.toThrow('sync');
  });

  it('refuses non-functions', () => {
    expect(() => compose([42 as unknown as Middleware<Ctx>])).toThrow(TypeError);
  });
});
