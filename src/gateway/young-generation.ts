/**
 * @fileoverview A target size for V8's young generation in the long-running proxies (`wrap`,
 * `gateway`). V8 grows the young generation's two semi-spaces up to 16 MB each (32 MB of new
 * space) as soon as much allocated memory survives collections: building the rule tables at
 * start-up does it before the first call, and the process keeps that memory. A proxy runs beside
 * every server a client starts, so its footprint counts several times. With semi-spaces of 8 MB
 * (16 MB less) a young collection comes twice as often: about 0.05 ms more per 100 KB result, and
 * one pause of about a millisecond every 110 small calls instead of every 220 (docs/gateway.md,
 * Speed). Whoever prefers V8's default runs node with `--max-semi-space-size=16`.
 *
 * Node takes `--max-semi-space-size` only on its command line, which a client's config runs
 * without; what V8 reads while running is the semi-spaces' growth factor. So growth is off (factor
 * 1) during start-up, then on while the new space is below its target. A semi-space size given
 * to node (`node --max-semi-space-size=16 …/cli.js wrap`, or in NODE_OPTIONS) is left alone.
 */
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

/** Semi-space size the young generation grows to, in MB (V8's default maximum is 16). */
export const SEMI_SPACE_LIMIT_MB = 8;

const MB = 1024 * 1024;

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

function setGrowth(factor: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** Whether node was started with its own young-generation size (on its command line or in NODE_OPTIONS). */
const SEMI_SPACE_FLAG = /(?:^|\s)--(?:max|min)[-_]semi[-_]space[-_]size\b/;
const chosenByUser = (): boolean => process.execArgv.some((a) => SEMI_SPACE_FLAG.test(a)) || SEMI_SPACE_FLAG.test(process.env['NODE_OPTIONS'] ?? '');

let held = false;
let released = false;

/**
 * The growth factor the phase calls for, set again after every collection: V8 puts the factor
 * back to 2 whenever an isolate is created (a worker thread, such as the audit writer's), so a
 * value set once does not hold. Below its target, the new space's next growth (V8 grows it once
 * enough memory has survived collections) takes it to the target in one step: grown by doublings,
 * it spent a whole benchmark's worth of small calls at a quarter of it, collected four times as
 * often. A burst of work done in one go (a thousand requests read at once) can grow it once more
 * before this runs, to V8's own maximum at most.
 */
function apply(): void {
  const size = newSpaceBytes();
  const target = 2 * SEMI_SPACE_LIMIT_MB * MB;
  setGrowth(released && size > 0 && size < target ? Math.max(2, Math.round(target / size)) : 1);
}

/**
 * Holds the young generation at its current size: call before loading the proxy's modules. Does
 * nothing when node was given a semi-space size of its own.
 */
export function holdYoungGeneration(): void {
  if (held || chosenByUser()) return;
  held = true;
  new PerformanceObserver(apply).observe({ entryTypes: ['gc'] });
  apply();
}

/**
 * Start-up work is done (true) or starts again (false): the young generation may grow to its
 * target, or is held again. Does nothing unless holdYoungGeneration() was called.
 */
export function releaseYoungGeneration(release = true): void {
  if (!held) return;
  released = release;
  apply();
}
