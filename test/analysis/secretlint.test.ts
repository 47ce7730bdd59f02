/**
 * @fileoverview The secretlint wrapper stays flat over many calls: secretlint's process-wide
 * profiler would otherwise buffer ~60 performance marks per lint in Node's global timeline and keep
 * its own ever-growing copy (memory growth, quadratic time). Counts, not timings, so it cannot flake.
 */
import { performance } from 'node:perf_hooks';
import { secretLintProfiler } from '@secretlint/profiler';
import { describe, expect, it } from 'vitest';
import { secretlintScan } from '../../src/analysis/secretlint.js';

/** The profiler's private record (see ProfilerInternals in secretlint.ts). */
const record = secretLintProfiler as unknown as { entries: unknown[]; measures: unknown[] };

const secretlintMarks = (): number => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('@core>')).length;

describe('secretlintScan over many calls', () => {
  it('leaves nothing in the performance timeline nor in the profiler', async () => {
    const before = secretlintMarks();
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < 300; i++) {
      const hits = await secretlintScan(`token ${token.slice(0, -3)}${String(i).padStart(3, '0')}`);
      expect(hits.map((h) => h.rule)).toEqual(['github']);
    }
    // Let any queued PerformanceObserver delivery run before counting.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(secretlintMarks()).toBe(before);
    expect(record.entries.length + record.measures.length).toBe(0);
  });

  it('empties what the profiler observed from other code on the next lint', async () => {
    performance.mark('someone-else::start');
    await new Promise<void>((resolve) => setImmediate(resolve));
    await secretlintScan('npm_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(record.entries.length).toBe(0);
    performance.clearMarks('someone-else::start');
  });
});
