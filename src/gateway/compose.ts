/**
 * @module gateway/compose
 * The gateway's core: a koa-style middleware composer. Each middleware gets the call context and a
 * `next` that runs the rest of the chain; code before `await next()` sees the request on its way
 * to the upstream, code after it sees the result on its way back.
 *
 * @see https://github.com/koajs/compose (the original) and Hono's `src/compose.ts`.
 */

/** Runs the rest of the chain. */
export type Next = () => Promise<void>;

/** One step of the pipeline. Name the returned function after its factory for readable traces. */
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

export interface ComposeOptions<C> {
  /**
   * Called with an `Error` thrown anywhere in the chain (after which it is rethrown). Values that
   * are not `Error`s are rethrown untouched: throwing a non-Error is a bug to surface, not handle.
   */
  onError?: (error: Error, ctx: C) => void;
}

/**
 * Composes middleware into one function. `terminal`, when given to the composed function, runs
 * after the last middleware (the upstream call). Calling `next()` twice in one middleware rejects:
 * it would run the rest of the chain, and the upstream call, a second time.
 */
export function compose<C>(middleware: ReadonlyArray<Middleware<C>>, options: ComposeOptions<C> = {}): (ctx: C, terminal?: Next) => Promise<void> {
  for (const fn of middleware) {
    if (typeof fn !== 'function') throw new TypeError('compose: every middleware must be a function');
  }
  const chain = [...middleware];
  return function composed(ctx: C, terminal?: Next): Promise<void> {
    let index = -1;
    const dispatch = (i: number): Promise<void> => {
      if (i <= index) return Promise.reject(new Error('next() called multiple times'));
      index = i;
      const fn = i < chain.length ? chain[i] : undefined;
      if (fn === undefined) return i === chain.length && terminal ? terminal() : Promise.resolve();
      try {
        return fn(ctx, () => dispatch(i + 1));
      } catch (err) {
        return Promise.reject(err);
      }
    };
    const run = dispatch(0);
    if (!options.onError) return run;
    const onError = options.onError;
    return run.catch((err: unknown) => {
      if (err instanceof Error) onError(err, ctx);
      throw err;
    });
  };
}
