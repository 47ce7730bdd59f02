/**
 * @fileoverview Finds encoded runs inside text (base64 incl. zlib/gzip, base32, hex, percent-,
 * unicode- and HTML-entity escapes, binary, Morse) and text written in a reversible disguise
 * (ROT13, ROT47, reversed, leetspeak), and decodes them so the same rules can read the payload.
 *
 * Bounded: at most MAX_RUNS runs per text, MAX_DECODED characters decoded per text, depth limited by
 * the caller. Every pattern is a bounded character-class run (no nested ambiguity).
 */
import { inflateSync, gunzipSync } from 'node:zlib';
import { charFacts, LEET_SAMPLE, type CharFacts } from './char-facts.js';
import { printableRatio } from './unicode.js';

export type Encoding =
  | 'base64'
  | 'base32'
  | 'hex'
  | 'percent'
  | 'unicode-escape'
  | 'html-entity'
  | 'binary'
  | 'morse'
  | 'zlib'
  | 'rot13'
  | 'rot47'
  | 'reversed'
  | 'leetspeak'
  | 'spaced';

export interface DecodedRun {
  encoding: Encoding;
  start: number;
  end: number;
  /** The encoded source (clipped for display). */
  source: string;
  text: string;
}

const MAX_RUNS = 32;
const MAX_DECODED = 64 * 1024;
/** Longest run decoded, and the part of a text read for disguises (the leetspeak fact reads as much). */
const MAX_RUN_CHARS = LEET_SAMPLE;

/** Decoded bytes look like text a model would read (not random binary). */
function readable(s: string): boolean {
  if (s.length < 6) return false;
  if (printableRatio(s) < 0.95) return false;
  if (!/\p{L}{3}/u.test(s)) return false;
  const letters = s.replace(/[^\p{L}]/gu, '').length;
  return letters / s.length >= 0.5 && (/\s/.test(s) || /:\/\/|~\/|\.\w{2,4}\b/.test(s));
}

function bytesToText(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: MAX_DECODED }).toString('utf8');
    } catch {
      return undefined; // not actually gzip
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(bytes[1] ?? 0)) {
    try {
      return inflateSync(bytes, { maxOutputLength: MAX_DECODED }).toString('utf8');
    } catch {
      return undefined; // not actually zlib
    }
  }
  return bytes.toString('utf8');
}

function base32Decode(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '')) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) break;
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const MORSE: Record<string, string> = {
  '.-': 'a', '-...': 'b', '-.-.': 'c', '-..': 'd', '.': 'e', '..-.': 'f', '--.': 'g', '....': 'h', '..': 'i', '.---': 'j',
  '-.-': 'k', '.-..': 'l', '--': 'm', '-.': 'n', '---': 'o', '.--.': 'p', '--.-': 'q', '.-.': 'r', '...': 's', '-': 't',
  '..-': 'u', '...-': 'v', '.--': 'w', '-..-': 'x', '-.--': 'y', '--..': 'z', '-----': '0', '.----': '1', '..---': '2',
  '...--': '3', '....-': '4', '.....': '5', '-....': '6', '--...': '7', '---..': '8', '----.': '9', '.-.-.-': '.',
  '--..--': ',', '..--..': '?', '-..-.': '/', '-....-': '-', '---...': ':', '.--.-.': '@', '-.--.': '(', '-.--.-': ')',
};

function morseDecode(s: string): string {
  return s
    .trim()
    .split(/\s*\/\s*|\s{3,}/)
    .map((word) => word.split(/\s+/).map((c) => MORSE[c.replace(/[·•]/g, '.').replace(/[–—]/g, '-')] ?? '').join(''))
    .join(' ');
}

/** Base64 and base64url characters: the base64, base32, hex and opaque-blob patterns match runs of them only. */
const RUN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') RUN_CHAR[c.charCodeAt(0)] = 1;

/**
 * The length of the longest run of base64(url) characters in `text`, counted up to `cap`: a
 * regex that needs 20 such characters in a row cannot match where the longest run is shorter.
 * The detectors read it from charFacts (char-facts.ts), which computes it with the other gates in
 * one pass; this is the definition it is tested against.
 */
export function longestRun(text: string, cap: number): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && RUN_CHAR[c] === 1) {
      if (++run > longest && (longest = run) >= cap) return cap;
    } else run = 0;
  }
  return longest;
}

const isHexDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Whether `text` has `count` hex bytes in a row, each followed by a space, colon or comma (the
 * `(?:[0-9a-fA-F]{2}[ :,]){count}` form of hex dumps), in one pass. `units` counts the bytes of
 * the current chain; a byte preceded by more hex digits starts a new chain.
 */
export function hasSeparatedHexBytes(text: string, count: number): boolean {
  let digits = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHexDigit(c)) digits++;
    else if (c === 0x20 || c === 0x3a || c === 0x2c) {
      units = digits === 2 ? units + 1 : digits > 2 ? 1 : 0;
      if (units >= count) return true;
      digits = 0;
    } else {
      digits = 0;
      units = 0;
    }
  }
  return false;
}

interface Detector {
  encoding: Encoding;
  /** Quick check on the whole text before running the pattern (a necessary condition for a match). */
  gate: (text: string, facts: CharFacts) => boolean;
  pattern: RegExp;
  decode: (run: string) => string | undefined;
}

const DETECTORS: readonly Detector[] = [
  {
    encoding: 'base64',
    gate: (_t, f) => f.base64Run >= 20,
    // Starts only at the start of a run (the lookbehind): without it, every word is rescanned from each of its letters.
    pattern: /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}/g,
    decode: (run) => {
      if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || /^[a-z_-]+$/i.test(run)) return undefined;
      const bytes = Buffer.from(run, 'base64');
      return bytesToText(bytes);
    },
  },
  {
    encoding: 'base32',
    gate: (_t, f) => f.base32x16,
    pattern: /\b[A-Z2-7]{16,}={0,6}/g,
    decode: (run) => (/[2-7]/.test(run) || run.endsWith('=') ? base32Decode(run).toString('utf8') : undefined),
  },
  {
    encoding: 'hex',
    gate: (t, f) => f.hex16 || f.separatedHex || (t.indexOf('\\x') >= 0 && /\\x[0-9a-fA-F]{2}/.test(t)),
    pattern: /(?:(?:\\x|0x)?[0-9a-fA-F]{2}[ :,]?){8,}/g,
    decode: (run) => {
      const hex = run.replace(/\\x|0x|[ :,]/g, '');
      if (hex.length % 2 !== 0 || !/[a-fA-F]/.test(hex) || !/\d/.test(hex)) return undefined;
      return bytesToText(Buffer.from(hex, 'hex'));
    },
  },
  {
    encoding: 'percent',
    gate: (t) => t.indexOf('%') >= 0,
    // Encoded prose keeps whole words between its escapes ("Ignore%20the%20user"): up to 24 characters.
    pattern: /(?:%[0-9A-Fa-f]{2}[A-Za-z0-9._~!*'()/-]{0,24}){4,}/g,
    decode: (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return undefined; // malformed escapes: not text
      }
    },
  },
  {
    encoding: 'unicode-escape',
    gate: (t) => t.indexOf('\\u') >= 0 || t.indexOf('\\x') >= 0,
    pattern: /(?:(?:\\u[0-9A-Fa-f]{4}|\\u\{[0-9A-Fa-f]{1,6}\}|\\x[0-9A-Fa-f]{2}) ?){4,}/g,
    decode: (run) =>
      run.replace(/ ?\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})| /g, (_m, a?: string, b?: string, c?: string) => {
        const hex = a ?? b ?? c;
        if (hex === undefined) return '';
        const cp = parseInt(hex, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }),
  },
  {
    encoding: 'html-entity',
    gate: (t) => t.indexOf('&#') >= 0,
    // Words of entities separated by plain spaces read as one run.
    pattern: /(?:&#[xX]?[0-9A-Fa-f]{1,6}; ?){4,}/g,
    decode: (run) =>
      run.replace(/&#([xX]?)([0-9A-Fa-f]{1,6});/g, (_m, x: string, n: string) => {
        const cp = parseInt(n, x ? 16 : 10);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }),
  },
  {
    encoding: 'binary',
    gate: (_t, f) => f.binary8,
    pattern: /(?:[01]{8}[ ,]?){4,}/g,
    decode: (run) => {
      const groups = run.match(/[01]{8}/g) ?? [];
      return bytesToText(Buffer.from(groups.map((g) => parseInt(g, 2))));
    },
  },
  {
    encoding: 'morse',
    gate: (t, f) => f.morse5 && /[.\-·–—]{1,6} [.\-·–—]{1,6} [.\-·–—]{1,6}/.test(t),
    pattern: /(?:[.\-·–—]{1,7}(?: {1,3}\/ {1,3}| {1,3}|$)){6,}/g,
    decode: (run) => morseDecode(run),
  },
];

function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function rot47(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 33 && c <= 126 ? String.fromCharCode(33 + ((c - 33 + 47) % 94)) : s[i];
  }
  return out;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '8': 'b', '9': 'g', '|': 'l' };

function deleet(s: string): string {
  return s.replace(/[0134579@$8|]/g, (c) => LEET[c] ?? c);
}

/** Share of a text's words that must be leetspeak for the text to be read as leetspeak. */
const LEET_SHARE = 0.3;

/** Common English words as they look under each disguise; three distinct ones mark the disguise. */
const ROT13_WORDS = new Set(['gur', 'naq', 'lbh', 'guvf', 'vf', 'gb', 'bs', 'sbe', 'jvgu', 'nyy', 'lbhe', 'ner', 'gung', 'orsber', 'nsgre', 'abg', 'hfre', 'eha', 'ernq', 'fraq', 'svyr', 'nal', 'vafgehpgvbaf', 'flfgrz', 'abgr', 'qb']);
const ROT47_WORDS = new Set(['E96', '2?5', 'E@', '@7', 'J@F', '7@C', ':?', ':D', 'E92E', 'H:E9', 'J@FC', '=', 'C625', 'D6?5', 'FD6C']);
const REVERSED_WORDS = new Set(['eht', 'dna', 'ruoy', 'resu', 'siht', 'morf', 'htiw', 'dnes', 'daer', 'llet', 'ton', 'syawla', 'reven', 'yreve', 'erofeb', 'tpmorp', 'terces', 'yek', 'elif']);

function countHits(words: readonly string[], dict: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const w of words) if (dict.has(w)) seen.add(w);
  return seen.size;
}

/** Regex alternation of a dictionary, bounded as whole tokens. */
function dictGate(dict: ReadonlySet<string>, flags: string, before: string, after: string): RegExp {
  return new RegExp(`${before}(?:${[...dict].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${after}`, flags);
}
// Necessary conditions, checked before splitting the text into words (most texts are not disguised):
// a dictionary word as a token, or (leetspeak) at least four substituted characters.
const ROT13_GATE = dictGate(ROT13_WORDS, 'i', '\\b', '\\b');
const REVERSED_GATE = dictGate(REVERSED_WORDS, 'i', '\\b', '\\b');
const ROT47_GATE = dictGate(ROT47_WORDS, '', '(?:^|\\s)', '(?:\\s|$)');

/** Character classes of mayBeLeetspeak, for ASCII. */
const OTHER = 0;
const SEPARATOR = 1;
const LETTER = 2;
const SUBSTITUTE = 3;
const JOINER = 4;
const LEET_CLASS = (() => {
  const table = new Uint8Array(128);
  const set = (chars: string, kind: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = kind;
  };
  set(' \n\t\r\f\v.,;:!?()"\'`', SEPARATOR); // where findDisguises splits words
  set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', LETTER);
  set('0134579@$', SUBSTITUTE);
  set('_/~-', JOINER);
  return table;
})();

/**
 * A necessary condition for the leetspeak reading below, in one pass over the characters: at
 * least four words that could be leetspeak (only letters, substituted characters and `_/~-`, with
 * at least one letter and one substitute), making up at least 30% of the words. Words split where
 * findDisguises splits them, so every word it counts as leetspeak is counted here. Checking the
 * share here matters: JSON and URLs with numbers (`reports/12`) have many such words, but few
 * relative to the rest.
 */
export function mayBeLeetspeak(text: string): boolean {
  let found = 0;
  let words = 0;
  let letter = false;
  let leet = false;
  let clean = true;
  let length = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const kind = c < 128 ? LEET_CLASS[c] : /\s/.test(text[i] ?? '') ? SEPARATOR : OTHER;
    if (kind === SEPARATOR) {
      if (length > 0) words++;
      if (letter && leet && clean && length >= 2) found++;
      letter = leet = false;
      clean = true;
      length = 0;
      continue;
    }
    length++;
    if (kind === LETTER) letter = true;
    else if (kind === SUBSTITUTE) leet = true;
    else if (kind === OTHER) clean = false;
  }
  return found >= 4 && found >= LEET_SHARE * words;
}

/** Letters standing alone, one space apart, words two or more spaces apart: "I g n o r e   a l l". */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?: {1,6}\p{L}(?![\p{L}\p{N}])){11,}/gu;

/**
 * Text spelled out letter by letter, which keyword signals cannot read. Needs the original spacing
 * (run before whitespace is collapsed): single spaces join letters, longer gaps separate words. A
 * run that does not split into at least three words of two letters or more (an alphabet, a list of
 * variables) is not text.
 */
export function findSpacedLetters(text: string): DecodedRun[] {
  const out: DecodedRun[] = [];
  if (text.indexOf('  ') < 0) return out;
  SPACED_LETTERS.lastIndex = 0;
  for (let m = SPACED_LETTERS.exec(text); m !== null && out.length < MAX_RUNS; m = SPACED_LETTERS.exec(text)) {
    const words = m[0].split(/ {2,}/).map((w) => w.replace(/ /g, ''));
    if (words.filter((w) => w.length >= 2).length < 3) continue;
    out.push({ encoding: 'spaced', start: m.index, end: m.index + m[0].length, source: m[0].length > 120 ? `${m[0].slice(0, 120)}…` : m[0], text: words.join(' ') });
  }
  return out;
}

/** A disguise read from a dictionary of telltale words. */
export type DisguiseDictionary = 'rot13' | 'rot47' | 'reversed';

/** Words of each dictionary, lowercased: what the automaton of signals/index.ts looks for. */
export const DISGUISE_WORDS: Readonly<Record<DisguiseDictionary, readonly string[]>> = {
  rot13: [...ROT13_WORDS],
  rot47: [...ROT47_WORDS].map((w) => w.toLowerCase()),
  reversed: [...REVERSED_WORDS],
};

/** What the caller already knows about the text, so readings it cannot have are not tried. */
export interface DisguiseHints {
  /** charFacts of the text. */
  facts?: CharFacts;
  /**
   * How many distinct words of a dictionary (DISGUISE_WORDS) occur in the lowercased text as
   * substrings: at least as many as the distinct words a reading can count.
   */
  dictionaryWords?: (dictionary: DisguiseDictionary) => number;
}

/**
 * Whole-text disguises: returns the undisguised reading when the text looks disguised. Each
 * reading has its own necessary condition, checked before the text is split into words (most
 * texts are not disguised): three distinct dictionary words, one of them found by its gate regex
 * (only "yek" can come from a character that lowercases to ASCII, the Kelvin sign, so two of three
 * are plain), or, for leetspeak, mayBeLeetspeak.
 */
export function findDisguises(text: string, hints: DisguiseHints = {}): DecodedRun[] {
  const out: DecodedRun[] = [];
  if (text.length < 12) return out;
  const sample = text.length > MAX_RUN_CHARS ? text.slice(0, MAX_RUN_CHARS) : text;
  const enough = (d: DisguiseDictionary): boolean => (hints.dictionaryWords?.(d) ?? 3) >= 3;
  const maybeRot13 = enough('rot13') && ROT13_GATE.test(sample);
  const maybeRot47 = enough('rot47') && ROT47_GATE.test(sample);
  const maybeReversed = enough('reversed') && REVERSED_GATE.test(sample);
  const maybeLeet = hints.facts !== undefined ? hints.facts.leet : mayBeLeetspeak(sample);
  if (!maybeRot13 && !maybeRot47 && !maybeReversed && !maybeLeet) return out;
  const words = maybeRot13 || maybeReversed || maybeLeet ? sample.split(/[\s.,;:!?()"'`]+/).filter((w) => w.length > 0) : [];
  const lowerWords = maybeRot13 || maybeReversed ? words.map((w) => w.toLowerCase()) : [];
  if (maybeRot13 && countHits(lowerWords, ROT13_WORDS) >= 3) out.push({ encoding: 'rot13', start: 0, end: text.length, source: sample, text: rot13(sample) });
  if (maybeRot47 && countHits(sample.split(/\s+/), ROT47_WORDS) >= 3) out.push({ encoding: 'rot47', start: 0, end: text.length, source: sample, text: rot47(sample) });
  if (maybeReversed && countHits(lowerWords, REVERSED_WORDS) >= 3) out.push({ encoding: 'reversed', start: 0, end: text.length, source: sample, text: [...sample].reverse().join('') });
  if (maybeLeet) {
    const leetTokens = words.filter((w) => /[a-z]/i.test(w) && /[0134579@$]/.test(w) && /^[a-z0134579@$_/~.-]{2,}$/i.test(w) && !/^v?\d+(?:\.\d+)*$/i.test(w));
    if (leetTokens.length >= 4 && leetTokens.length / words.length >= LEET_SHARE) out.push({ encoding: 'leetspeak', start: 0, end: text.length, source: sample, text: deleet(sample) });
  }
  return out;
}

/**
 * Encoded runs in `text` whose decoding reads as text.
 * @param facts charFacts(text), when the caller has them
 */
export function findEncodedRuns(text: string, facts: CharFacts = charFacts(text)): DecodedRun[] {
  const out: DecodedRun[] = [];
  let budget = MAX_DECODED;
  for (const d of DETECTORS) {
    if (out.length >= MAX_RUNS || budget <= 0) break;
    if (!d.gate(text, facts)) continue;
    const re = d.pattern;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    // exec on the shared regex (matchAll would clone it for every text).
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (out.length >= MAX_RUNS || budget <= 0) break;
      if (m[0].length > MAX_RUN_CHARS) continue;
      const run = m[0].trim();
      const decoded = d.decode(run);
      if (decoded === undefined || !readable(decoded)) continue;
      const start = m.index;
      const end = start + m[0].length;
      // The same bytes can match two detectors (hex digits are base64 too): keep the first reading.
      if (out.some((o) => o.start <= start && o.end >= end)) continue;
      const text2 = decoded.slice(0, budget);
      budget -= text2.length;
      out.push({ encoding: bytesLookCompressed(d.encoding, run) ? 'zlib' : d.encoding, start, end, source: run.length > 120 ? `${run.slice(0, 120)}…` : run, text: text2 });
    }
  }
  return out;
}

function bytesLookCompressed(encoding: Encoding, run: string): boolean {
  if (encoding !== 'base64') return false;
  const head = Buffer.from(run.slice(0, 4), 'base64');
  return (head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1] ?? 0)) || (head[0] === 0x1f && head[1] === 0x8b);
}

const OPAQUE_BLOB = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{32,}={0,2}/g;

/**
 * Encoded runs whose content does not decode to readable text: still worth a look when nearby words say "decode".
 * @param facts charFacts(text), when the caller has them
 */
export function findOpaqueBlobs(text: string, facts: CharFacts = charFacts(text)): Array<{ start: number; end: number; source: string; encoding: Encoding }> {
  const out: Array<{ start: number; end: number; source: string; encoding: Encoding }> = [];
  if (facts.base64Run < 32) return out;
  const re = OPAQUE_BLOB;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const run = m[0];
    if (run.length > MAX_RUN_CHARS) continue;
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/\d/.test(run)) continue;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + run.length, source: run.length > 120 ? `${run.slice(0, 120)}…` : run, encoding: bytesLookCompressed('base64', run) ? 'zlib' : 'base64' });
    if (out.length >= MAX_RUNS) break;
  }
  return out;
}
