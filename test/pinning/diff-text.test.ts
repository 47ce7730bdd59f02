import { describe, expect, it } from 'vitest';
import { MAX_DIFF_LINES, joinDiffs, unifiedDiff, visible } from '../../src/pinning/diff-text.js';

describe('unifiedDiff', () => {
  it('produces a unified diff with a/ and b/ labels and 3 lines of context', () => {
    const d = unifiedDiff('s/tools/t/description', 'one\ntwo\nthree\nfour\nfive\nsix\nseven', 'one\ntwo\nthree\nfour\nFIVE\nsix\nseven');
    expect(d).toBe(['--- a/s/tools/t/description', '+++ b/s/tools/t/description', '@@ -2,6 +2,6 @@', ' two', ' three', ' four', '-five', '+FIVE', ' six', ' seven'].join('\n'));
  });

  it('uses /dev/null for an absent side and returns undefined when nothing differs', () => {
    expect(unifiedDiff('x', undefined, 'new')).toBe(['--- /dev/null', '+++ b/x', '@@ -1,0 +1,1 @@', '+new'].join('\n'));
    expect(unifiedDiff('x', 'same', 'same')).toBeUndefined();
  });

  it('makes an invisible change visible', () => {
    const d = unifiedDiff('x', 'Read a file.', 'Read a file.\u200b\u{E0049}\u{E0047}') ?? '';
    expect(d).toContain('+Read a file.\\u{200B}\\u{E0049}\\u{E0047}');
  });

  it('never passes terminal escape sequences through', () => {
    const d = unifiedDiff('x\u001b[2J', 'a', 'b\u001b]0;owned\u0007') ?? '';
    expect(d).not.toMatch(/\u001b|\u0007/);
    expect(d).toContain('\\u{001B}');
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
    const started = performance.now();
    const d = unifiedDiff('x', big, `${big}b`) ?? '';
    expect(d.length).toBeGreaterThan(0);
    // Generous bound: the input is cut to 64 KB before diffing, so this is milliseconds in practice.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('joins present diffs only', () => {
    expect(joinDiffs(undefined, 'a', undefined, 'b')).toBe('a\nb');
    expect(joinDiffs(undefined)).toBeUndefined();
  });
});

describe('visible', () => {
  it('keeps ordinary text, tabs and newlines', () => {
    expect(visible('héllo\tworld\n日本')).toBe('héllo\tworld\n日本');
  });
});
