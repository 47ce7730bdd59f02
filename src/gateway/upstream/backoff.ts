/**
 * @module gateway/upstream/backoff
 * Restart delays for crashed upstreams: exponential with full jitter, capped, so a crash loop
 * costs little and many gateways restarting at once do not synchronise.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

/** Delay before restart attempt `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 250;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 20));
  // Half fixed, half jitter: never zero, never above the ceiling.
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}
