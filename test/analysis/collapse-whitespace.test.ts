import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../src/analysis/text.js';

/** The character-by-character definition collapseWhitespace was first written as (before its one-regex form). */
function reference(text: string): string {
  if (!/ {2}|\t| \n|\n /.test(text)) return text;
  const parts: string[] = [];
  let lastChar = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x20 || c === 0x09 || c === 0x0a) break;
      j++;
    }
    if (j > i) {
      parts.push(text.slice(i, j));
      lastChar = text[j - 1] ?? '';
      i = j;
      continue;
    }
    let newline = false;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x0a) {
        if (newline) break;
        newline = true;
      } else if (c !== 0x20 && c !== 0x09) break;
      j++;
    }
    if (newline) {
      parts.push('\n');
      lastChar = '\n';
    } else if (lastChar !== '' && lastChar !== '\n' && j < text.length) {
      parts.push(' ');
      lastChar = ' ';
    }
    i = j;
  }
  return parts.join('');
}

describe('collapseWhitespace', () => {
  it('agrees with its character-by-character definition on random texts', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [' ', '  ', '\t', '\n', '\n\n', ' \n ', 'a', 'bc', '.', '\r', '\u00a0', 'é'];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: rnd(30) }, () => pieces[rnd(pieces.length)]).join('');
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('keeps text without loose whitespace, and takes the caller’s word for it', () => {
    const text = ' one space each\nand lines ';
    expect(collapseWhitespace(text)).toBe(text);
    expect(collapseWhitespace('a  b', false)).toBe('a  b');
    expect(collapseWhitespace('  def f():\n      return 1  \n\n\tdone  ')).toBe('def f():\nreturn 1\n\ndone');
  });
});
