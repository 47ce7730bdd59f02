import { describe, expect, it } from 'vitest';
import { MAX_DIFF_LINES, joinDiffs, unifiedDiff } from '../../src/pinning/diff-text.js';

describe('unifiedDiff', () => {
  it('produces a unified diff with a/ and b/ labels and 3 lines of context', () => {
    const d = unifiedDiff('s/tools/t/description', 'one\ntwo\nthree\nfour\nfive\nsix\nseven', 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven');
    expect(d).toBe(['--- a/s/tools/t/description', '+++ b/s/tools/t/description', '@@ -2,6 +2,6 @@', ' two', ' three', ' four', '-five', '+FIVE', ' six', ' seven'].join('\n'));
  });

  it('uses /dev/null for an absent side and returns undefined when nothing differs', () => {
    expect(unifiedDiff('x', undefined, 'new')).toBe(['--- /dev/null', '+++ b/x', '@@ -1,0 +1,1 @@', '+new'].join('\n'));
    expect(unifiedDiff('x', 'same', 'same')).toBeUndefined();
  });

  it('shows a change made only of invisible characters as a changed line', () => {
    const d = unifiedDiff('x', 'Read a file.', 'Read a file.\u200b\u{E0049}\u{E0047}') ?? '';
    expect(d.split('\n').slice(2)).toEqual(['@@ -1,1 +1,1 @@', '-Read a file.', '+Read a file.\u200b\u{E0049}\u{E0047}']);
  });

  it('keeps a hostile label on one line, so it cannot fake diff lines', () => {
    const d = unifiedDiff('x\n+++ b/fake\n+injected', 'a', 'b') ?? '';
    expect(d.split('\n')[0]).toBe('--- a/x +++ b/fake +injected');
    expect(d.split('\n')).toHaveLength(5);
  });

  it('redacts secrets in both sides', () => {
    const d = unifiedDiff('x', 'token: none', 'token: ghp_abcdefghijklmnopqrstuvwxyz0123456789') ?? '';
    expect(d).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('bounds its output', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const d = unifiedDiff('x', many, many.replace(/line/g, 'LINE')) ?? '';
    expect(d.split('\n').length).toBeLessThanOrEqual(MAX_DIFF_LINES + 1);
    expect(d).toMatch(/more diff lines not shown|too many edits/);
  });

  it('stays fast on a 1 MB adversarial description', () => {
    const big = 'a\u200b'.repeat(512 * 1024);
    const d = unifiedDiff('x', big, `${big}b`) ?? '';
    expect(d.length).toBeGreaterThan(0);
    // Generous bound: the input is cut to 64 KB before diffing, so this is milliseconds in practice.
  });

  it('joins present diffs only', () => {
    expect(joinDiffs(undefined, 'a', undefined, 'b')).toBe('a\nb');
    expect(joinDiffs(undefined)).toBeUndefined();
  });
});
