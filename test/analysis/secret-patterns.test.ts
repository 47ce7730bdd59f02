/**
 * @fileoverview Every known-format pattern finds its true positives, ignores its false positives,
 * is reachable through its keyword prefilter, and stays linear on adversarial input.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, SECRET_PATTERNS } from '../../src/analysis/secret-patterns.js';
import { findSecrets, redactSecrets, redactSpans, redactValue } from '../../src/analysis/secrets.js';

describe.each(SECRET_PATTERNS.map((p) => [p.id, p] as const))('pattern %s', (_id, p) => {
  it('has lowercase keywords contained in every true positive', () => {
    expect(p.keywords.length).toBeGreaterThan(0);
    for (const k of p.keywords) expect(k).toBe(k.toLowerCase());
    for (const tp of p.truePositives) expect(p.keywords.some((k) => tp.toLowerCase().includes(k)), tp).toBe(true);
  });

  it('finds and redacts its true positives', () => {
    for (const tp of p.truePositives) {
      const text = `prefix ${tp} suffix`;
      const hits = findSecrets(text).filter((m) => m.patternId === p.id);
      expect(hits.length, tp).toBeGreaterThan(0);
      const redacted = redactSecrets(text);
      expect(redacted).toContain(REDACTED);
      for (const h of hits) expect(redacted).not.toContain(text.slice(h.start, h.end));
    }
  });

  it('ignores its false positives', () => {
    for (const fp of p.falsePositives) expect(findSecrets(fp).filter((m) => m.patternId === p.id), fp).toEqual([]);
  });

  it('stays linear on 1 MB of its own keywords and alphabet', () => {
    const unit = `${p.keywords.join(' ')} ${p.truePositives[0]?.slice(0, 40) ?? ''}:@/=. `;
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const runs = ['a'.repeat(1_000_000), `${p.keywords[0] ?? ''}${'a'.repeat(999_000)}`, text];
    for (const t of runs) expect(() => findSecrets(t)).not.toThrow();
  });
});

describe('redaction', () => {
  it('keeps a recognisable prefix for known formats', () => {
    expect(redactSecrets('token ghp_abcdefghijklmnopqrstuvwxyz0123456789 end')).toBe(`token ghp_${REDACTED} end`);
  });

  it('redacts only the password of a URL', () => {
    expect(redactSecrets('postgres://admin:hunter2@db:5432/app')).toBe(`postgres://admin:${REDACTED}@db:5432/app`);
  });

  it('merges overlapping spans without leaking the tail of the longer one', () => {
    expect(redactSpans('0123456789', [{ start: 2, end: 5 }, { start: 4, end: 8 }])).toBe(`01${REDACTED}89`);
  });

  it('redactValue keeps a hint only for long values and leaves placeholders alone', () => {
    expect(redactValue('short')).toBe(REDACTED);
    expect(redactValue('abcdefghijklmnopqrstuvwxyz')).toBe(`abcd${REDACTED}`);
    expect(redactValue('${API_KEY}')).toBe('${API_KEY}');
  });

  it('leaves text without keywords untouched', () => {
    const text = 'npx -y @modelcontextprotocol/server-filesystem /home/u/projects';
    expect(findSecrets(text)).toEqual([]);
    expect(redactSecrets(text)).toBe(text);
  });
});
