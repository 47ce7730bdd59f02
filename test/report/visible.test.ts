import { describe, expect, it } from 'vitest';
import { isInvisible } from '../../src/analysis/unicode.js';
import { visible } from '../../src/report/visible.js';

const tags = (s: string): string => [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('visible', () => {
  it('leaves printable text alone, including non-Latin letters and emoji', () => {
    expect(visible('Read a file. Привет 👩‍🔬\n\tok')).toBe('Read a file. Привет 👩\u200d🔬\n\tok'.replace('\u200d', '\\u{200D}'));
    expect(visible('plain text')).toBe('plain text');
  });

  it('shows control, escape and invisible characters as escapes', () => {
    expect(visible('a\u001b[8mb\u200bc\u202ed')).toBe('a\\u{1B}[8mb\\u{200B}c\\u{202E}d');
    expect(visible(`x${tags('hi')}`)).toBe('x\\u{E0068}\\u{E0069}');
    expect(visible('vs\u{e0101}\u2028')).toBe('vs\\u{E0101}\\u{2028}');
  });

  it('escapes every code point the analysis treats as invisible (one table for both)', () => {
    for (let cp = 0; cp <= 0xe01ef; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isInvisible(cp)) expect(visible(String.fromCodePoint(cp)), cp.toString(16)).toBe(`\\u{${cp.toString(16).toUpperCase()}}`);
    }
  });

  it('keeps one line when asked, and never escapes twice', () => {
    expect(visible('a\r\nb\tc\nd', { newlines: false })).toBe('a\\nb\\tc\\nd');
    expect(visible('no\\u{200B}escape', { newlines: false })).toBe('no\\u{200B}escape');
    const once = visible('a\u200bb');
    expect(visible(once)).toBe(once);
  });
});
