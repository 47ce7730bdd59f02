import { describe, expect, it } from 'vitest';
import { KeywordSet } from '../../src/analysis/keyword-set.js';

/** The obvious definition: every keyword that is a substring of the text. */
const naive = (keywords: readonly string[], text: string): string[] => keywords.filter((k) => text.includes(k)).sort();

describe('KeywordSet', () => {
  it('finds every keyword that occurs, including ones inside or overlapping others', () => {
    const keywords = ['send', 'sender', 'end', 'render', 'der', 'ignore', 'gnor', '://', 'a.b', '(x)'];
    const set = new KeywordSet(keywords);
    expect([...set.present('the sender will render it')].sort()).toEqual(naive(keywords, 'the sender will render it'));
    expect([...set.present('ignore http://a.b (x)')].sort()).toEqual(naive(keywords, 'ignore http://a.b (x)'));
    expect([...set.present('nothing to see')]).toEqual([]);
  });

  it('treats regex metacharacters in keywords literally', () => {
    const set = new KeywordSet(['a.b', '(x)', 'c+']);
    expect([...set.present('axb x c')]).toEqual([]);
    expect([...set.present('a.b (x) c+')].sort()).toEqual(['(x)', 'a.b', 'c+']);
  });

  it('agrees with a naive scan on random texts built from overlapping keywords', () => {
    // Deterministic pseudo-random generator, so a failure reproduces.
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = 'abcde ';
    const keywords = Array.from({ length: 60 }, () => Array.from({ length: 1 + rnd(5) }, () => alphabet[rnd(5)]).join(''));
    const set = new KeywordSet(keywords);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: rnd(80) }, () => alphabet[rnd(alphabet.length)]).join('');
      expect([...set.present(text)].sort()).toEqual([...new Set(naive(keywords, text))].sort());
    }
  });

  it('handles an empty keyword list and rejects empty keywords', () => {
    expect([...new KeywordSet([]).present('anything')]).toEqual([]);
    expect(() => new KeywordSet(['ok', ''])).toThrow(/non-empty/);
  });
});
