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

/** Every end offset (exclusive) of every occurrence of `k` in `text`, overlapping ones included. */
function naiveEnds(k: string, text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) out.push(at + k.length);
  return out;
}

describe('KeywordSet.scan: ids and occurrence offsets', () => {
  // Deterministic pseudo-random generator, so a failure reproduces.
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const keywords = ['send', 'sender', 'end', 'der', 'ignore', '://', '@', 'a', 'пароль', 'ль', '忽略', 'görmezden', 'zz zz', 'x'.repeat(40)];

  function check(set: KeywordSet, text: string): void {
    const hits = set.scan(text);
    expect(hits.ids.map((id) => set.keywords[id])).toEqual(set.keywords.filter((k) => text.includes(k)));
    set.keywords.forEach((k, id) => expect(Array.from(hits.ends(id)), `${k} in a text of ${text.length}`).toEqual(naiveEnds(k, text)));
  }

  it('agrees with a naive scan on long ASCII texts (the interleaved byte streams) and their quarter boundaries', () => {
    const set = new KeywordSet(keywords);
    const pieces = ['send', 'der', 'nd', 'se', 'ignor', 'e', ' ', '://', '@', 'zz', ' zz', 'x'.repeat(39), 'x', 'q', '\n'];
    for (let i = 0; i < 40; i++) {
      const text = Array.from({ length: 200 + rnd(4000) }, () => pieces[rnd(pieces.length)]).join('');
      check(set, text);
    }
    // A keyword straddling each quarter boundary of a text long enough for four streams.
    const filler = 'q'.repeat(4000);
    for (const at of [999, 1000, 1001, 1998, 2000, 2002, 2997, 3000]) check(set, `${filler.slice(0, at)}sender${filler.slice(at)}${'x'.repeat(40)}`);
  });

  it('agrees with a naive scan on non-ASCII texts (both automata, code units)', () => {
    const set = new KeywordSet(keywords);
    const pieces = ['пароль', 'ль', 'па', '忽略', '忽', 'görmezden', 'gör', 'send', 'é', '\u{1F600}', ' ', '@', 'a'];
    for (let i = 0; i < 40; i++) check(set, Array.from({ length: rnd(600) }, () => pieces[rnd(pieces.length)]).join(''));
  });

  it('finds nothing in an empty text and with no keywords', () => {
    expect(new KeywordSet(keywords).scan('').ids).toEqual([]);
    expect(new KeywordSet([]).scan('send').ids).toEqual([]);
  });
});
