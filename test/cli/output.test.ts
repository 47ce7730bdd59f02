import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCodeFor, useColor } from '../../src/cli/output.js';
import { SAMPLE_ERRORS, sampleReport } from '../helpers/sample-report.js';
import { buildReport } from '../../src/app/build-report.js';

const stream = (isTTY: boolean) => ({ isTTY }) as NodeJS.WriteStream;

describe('useColor', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('colours only a TTY', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    expect(useColor(stream(true))).toBe(true);
    expect(useColor(stream(false))).toBe(false);
  });

  it('never colours with NO_COLOR, even when FORCE_COLOR is set', () => {
    vi.stubEnv('NO_COLOR', '1');
    expect(useColor(stream(true))).toBe(false);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(useColor(stream(true))).toBe(false);
  });

  it('FORCE_COLOR colours a pipe when NO_COLOR is not set', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(useColor(stream(false))).toBe(true);
  });
});

describe('exitCodeFor', () => {
  const empty = (errors = SAMPLE_ERRORS.slice(0, 0)) => buildReport({ command: 'scan', startedAt: new Date(), entries: [], findings: [], errors });

  it('0 clean, 3 incomplete, 1 over the threshold (also when incomplete), none never 1', () => {
    expect(exitCodeFor(empty(), 'high')).toBe(0);
    expect(exitCodeFor(empty(SAMPLE_ERRORS), 'high')).toBe(3);
    expect(exitCodeFor(sampleReport(), 'critical')).toBe(1);
    expect(exitCodeFor(sampleReport({ errors: SAMPLE_ERRORS }), 'high')).toBe(1);
    expect(exitCodeFor(sampleReport(), 'none')).toBe(0);
    expect(exitCodeFor(sampleReport({ errors: SAMPLE_ERRORS }), 'none')).toBe(3);
  });

  it('counts only findings at or above the threshold', () => {
    const onlyLow = buildReport({ command: 'scan', startedAt: new Date(), entries: [], findings: sampleReport().findings.filter((f) => f.severity === 'low'), errors: [] });
    expect(exitCodeFor(onlyLow, 'medium')).toBe(0);
    expect(exitCodeFor(onlyLow, 'low')).toBe(1);
    expect(exitCodeFor(onlyLow, 'info')).toBe(1);
  });
});
