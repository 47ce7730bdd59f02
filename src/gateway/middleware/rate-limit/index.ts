/**
 * @module gateway/middleware/rate-limit
 * Token buckets per policy limit and key (client, tool, client+tool or global). A bucket holds
 * `limit` tokens and refills continuously over `window`, so bursts up to the limit pass and the
 * sustained rate is limit/window. Exhausted buckets refuse with a clear error; nothing queues.
 */
import type { CompiledPolicy } from '../../../policy/index.js';
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext } from '../../types.js';

export interface RateLimitOptions {
  policy: () => CompiledPolicy;
  /** Clock in milliseconds (tests inject one). */
  now?: () => number;
  /** Most buckets kept; the least recently used full ones are dropped beyond it. */
  maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export function rateLimit(options: RateLimitOptions): Middleware<GatewayContext> {
  const now = options.now ?? (() => performance.now());
  const maxBuckets = options.maxBuckets ?? 10_000;
  const buckets = new Map<string, Bucket>();
  return async function rateLimit(ctx, next) {
    const limits = options.policy().rateLimits;
    if (limits.length > 0 && ctx.op === 'tools/call' && ctx.server !== undefined && ctx.target !== undefined) {
      const t = now();
      for (const limit of limits) {
        if (!limit.matches(ctx.server, ctx.target)) continue;
        const who = ctx.client.principal ?? ctx.client.name;
        const scope = limit.per === 'client' ? who : limit.per === 'tool' ? `${ctx.server}\0${ctx.target}` : limit.per === 'global' ? '' : `${who}\0${ctx.server}\0${ctx.target}`;
        // Limit parameters are part of the key, so an edited limit starts with fresh buckets.
        const key = `${limit.id}\0${limit.limit}\0${limit.windowMs}\0${scope}`;
        let bucket = buckets.get(key);
        if (!bucket) {
          if (buckets.size >= maxBuckets) evict(t);
          bucket = { tokens: limit.limit, updated: t };
          buckets.set(key, bucket);
        } else {
          bucket.tokens = Math.min(limit.limit, bucket.tokens + ((t - bucket.updated) * limit.limit) / limit.windowMs);
          bucket.updated = t;
        }
        if (bucket.tokens < 1) {
          const waitMs = Math.ceil(((1 - bucket.tokens) * limit.windowMs) / limit.limit);
          throw new GatewayError(GatewayErrorCode.RateLimited, `Rate limit ${limit.id} exceeded (${limit.limit} calls per ${limit.windowMs} ms, per ${limit.per}); retry in ${waitMs} ms`, {
            reason: `rate limit exceeded; retry in ${waitMs} ms`,
            rule: limit.id,
            server: ctx.server,
            target: ctx.target,
          });
        }
        bucket.tokens -= 1;
      }
    }
    await next();
  };

  function evict(t: number): void {
    // Drop buckets idle long enough to be full again; if none, the oldest entries (Map keeps insertion order).
    for (const [k, b] of buckets) if (t - b.updated > 3_600_000) buckets.delete(k);
    if (buckets.size < maxBuckets) return;
    let n = Math.ceil(maxBuckets / 10);
    for (const k of buckets.keys()) {
      buckets.delete(k);
      if (--n <= 0) break;
    }
  }
}
