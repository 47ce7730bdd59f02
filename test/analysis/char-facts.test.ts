import { describe, expect, it } from 'vitest';
import { charFacts, LEET_SAMPLE } from '../../src/analysis/char-facts.js';
import { referenceFacts } from '../helpers/char-facts-reference.js';

// Deterministic pseudo-random generator, so a failure reproduces.
function generator(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
}

const positives = { hex16: 0, base32x16: 0, binary8: 0, separatedHex: 0, leet: 0, looseWhitespace: 0, morseGate: 0, folded: 0, latin1: 0, wide: 0 };

function check(text: string): void {
  const f = charFacts(text);
  const r = referenceFacts(text);
  const where = JSON.stringify(text.slice(0, 300));
  expect({ ascii: f.ascii, base64Run: f.base64Run, hex16: f.hex16, base32x16: f.base32x16, binary8: f.binary8, separatedHex: f.separatedHex, leet: f.leet, looseWhitespace: f.looseWhitespace }, where).toEqual({
    ascii: r.ascii, base64Run: r.base64Run, hex16: r.hex16, base32x16: r.base32x16, binary8: r.binary8, separatedHex: r.separatedHex, leet: r.leet, looseWhitespace: r.looseWhitespace,
  });
  for (const k of ['hex16', 'base32x16', 'binary8', 'separatedHex', 'leet', 'looseWhitespace', 'morseGate', 'folded'] as const) if (r[k]) positives[k]++;
  if (/[\x80-\xff]/.test(text) && !/[^\x00-\xff]/.test(text)) positives.latin1++;
  if (/[^\x00-\xff]/.test(text)) positives.wide++;
  // Necessary conditions: whenever the check passes, so does the gate.
  if (r.morseGate) expect(f.morse5, where).toBe(true);
  if (r.folded) expect(f.fold, where).toBe(true);
}

describe('charFacts: one pass equal to the checks it replaces', () => {
  it('on random ASCII, Latin-1 and wider texts built from the characters the checks look at', () => {
    const rnd = generator(99);
    const pieces = ['A', 'z', '0', '1', '7', '9', 'f', 'Q', 'DEADBEEF', 'cafe0123', 'ABCDEFGH', 'QRSTUVWX', '234567', '0110', '1001', '+', '/', '_', '-', '.', ' ', '  ', '\t', '\n', '\n\n\n\n\n\n\n', ' '.repeat(199), ':', ',', '@', '$', '|', '=', '3x4', 'h3ll0', 'w0rld', 'de:ad:be:ef:00:11:', '0a 1b 2c 3d 4e 5f ', '01101000', '.- -... -.-. ', '.-', '-.', ' .', '·–', '— ·', '\r', '\u00a0', 'é', 'ÿ', '·', '–', '—', '\u2003', '\u3000', '\ufeff', '😀', 'Ж', '中'];
    // ASCII pieces only, then with Latin-1, then with wider characters (three ways of reading the text).
    const ascii = pieces.filter((p) => /^[\x00-\x7f]*$/.test(p));
    const latin1 = pieces.filter((p) => /^[\x00-\xff]*$/.test(p));
    for (const set of [ascii, latin1, pieces]) for (let i = 0; i < 1500; i++) check(Array.from({ length: rnd(80) }, () => set[rnd(set.length)]).join(''));
    // The generator reaches every condition, on every kind of string.
    for (const [k, n] of Object.entries(positives)) expect(n, k).toBeGreaterThan(20);
  });

  it('reads only the first 64 K characters for leetspeak, like findDisguises', () => {
    const leet = 'h3ll0 w0rld 1s th3 b3st '.repeat(10);
    check('x '.repeat(LEET_SAMPLE / 2) + leet);
    check(leet + 'plain words here '.repeat(5000));
    // Runs and words that straddle the end of the sample.
    for (const shift of [1, 3, 7, 20]) {
      check(`${'w '.repeat((LEET_SAMPLE - shift) / 2)}${'deadbeef'.repeat(5)} h3ll0 w0rld`);
      check(`${'h3ll0 '.repeat(Math.floor((LEET_SAMPLE - shift) / 6))}${'x'.repeat(shift)}a1b2c3d4e5 de:ad:be:ef:00:11:22 .- -.- `);
    }
  });

  it('handles the empty text', () => {
    expect(charFacts('')).toMatchObject({ ascii: true, base64Run: 0, leet: false, fold: false });
  });
});
