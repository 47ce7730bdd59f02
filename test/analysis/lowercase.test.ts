import { describe, expect, it } from 'vitest';
import { toLower } from '../../src/analysis/lowercase.js';

describe('toLower', () => {
  it('lowercases every BMP character as toLowerCase does, in long texts where the table is used', () => {
    const filler = 'Ж'.repeat(5000);
    for (let from = 0; from < 0x10000; from += 4096) {
      let chunk = '';
      for (let c = from; c < from + 4096; c++) chunk += String.fromCharCode(c);
      const text = `${filler}${chunk}${filler}`;
      expect(toLower(text) === text.toLowerCase(), `block ${from.toString(16)}`).toBe(true);
    }
  });

  it('agrees with toLowerCase on random long texts (sigma at word ends, dotted I, astral letters, BOM)', () => {
    let seed = 9;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const plain = ['σ', ' ', 'I', 'Ж', 'ж', 'Ä', 'ß', '\ufeff', 'A', 'z', '中', '\u212a', 'ǅ', 'Ω', 'ﬁ', 'Ǆ', 'ẞ', 'Ⅻ', 'Ⓐ'];
    const special = [...plain, 'ΟΔΟΣ', 'Σ', 'İ', '\u0130', '\u{10400}', '\ud800'];
    for (const pieces of [plain, special]) {
      for (let i = 0; i < 150; i++) {
        const text = Array.from({ length: 1000 + rnd(4000) }, () => pieces[rnd(pieces.length)]).join('');
        expect(toLower(text) === text.toLowerCase()).toBe(true);
      }
    }
    expect(toLower('\ufeff' + 'Ж'.repeat(5000))).toBe(('\ufeff' + 'Ж'.repeat(5000)).toLowerCase());
  });
});
