/**
 * The proxies' young-generation target (src/gateway/young-generation.ts), in a node process of its
 * own per case (V8 flags are per process): held at V8's minimum during start-up, also after a
 * worker thread's isolate puts the growth factor back, then grown to the target and no further; a
 * semi-space size given to node is left alone. Runs the built module (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_LIMIT_MB } from '../../src/gateway/young-generation.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = join(ROOT, 'test', 'fixtures', 'gateway', 'young-generation-probe.mjs');
const MODULE = join(ROOT, 'dist', 'gateway', 'young-generation.js');

interface Sizes {
  initial: number;
  held: number;
  heldAfterWorker: number;
  released: number;
}

function probe(nodeFlags: string[] = [], nodeOptions?: string): Sizes {
  const env = { ...process.env };
  if (nodeOptions === undefined) delete env['NODE_OPTIONS'];
  else env['NODE_OPTIONS'] = nodeOptions;
  const run = spawnSync(process.execPath, [...nodeFlags, PROBE, MODULE], { encoding: 'utf8', env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Sizes;
}

describe('young generation of the proxies', () => {
  it('stays at its minimum while held, across a worker start, then grows to the target only', () => {
    const sizes = probe();
    expect(sizes.held).toBeLessThanOrEqual(2);
    // A worker's isolate sets the growth factor back; the next collection sets it again, so one
    // growth can slip in between, no more (without the hold it would reach 32 MB).
    expect(sizes.heldAfterWorker).toBeLessThanOrEqual(2 * sizes.held);
    // The new space is two semi-spaces; the churn after release would take V8 to 32 MB.
    expect(sizes.released).toBeGreaterThan(sizes.heldAfterWorker);
    expect(sizes.released).toBeLessThanOrEqual(2 * SEMI_SPACE_LIMIT_MB);
  });

  it.each([
    ['on its command line', ['--max-semi-space-size=16'], undefined],
    ['in NODE_OPTIONS', [], '--max-semi-space-size=16'],
  ] as const)('leaves a semi-space size given to node %s alone', (_where, flags, nodeOptions) => {
    const sizes = probe([...flags], nodeOptions);
    expect(sizes.held).toBe(32);
    expect(sizes.released).toBe(32);
  });
});
