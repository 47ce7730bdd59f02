/**
 * @fileoverview `text.toLowerCase()`, faster on long non-ASCII text. V8 lowercases ASCII text
 * natively in microseconds, but Cyrillic or Greek prose of 100 KB takes over a millisecond, and
 * every view of every result is lowercased (signals, secrets). Most characters lowercase to one
 * code unit whatever their neighbours, so a table of each code unit's lowercase (filled on first
 * sight, by V8's own toLowerCase of that character) gives the same string. The exceptions make the
 * whole text go to the native call: characters whose lowercase is longer ("İ" → "i̇"), capital
 * sigma (its lowercase depends on whether it ends a word), and surrogates (astral letters such as
 * Deseret have case too). test/analysis/lowercase.test.ts compares the two on every BMP character.
 */

/** Texts shorter than this are lowercased natively (the table pays off on long texts). */
const MIN_LENGTH = 4096;

/** Lowercase of each code unit: UNKNOWN not yet asked, SPECIAL "ask V8 for the whole text". */
let table: Int32Array | undefined;

const UNKNOWN = -1;
const SPECIAL = -2;

function lowerOf(t: Int32Array, c: number): number {
  let v = t[c] as number;
  if (v === UNKNOWN) {
    const l = String.fromCharCode(c).toLowerCase();
    v = (c >= 0xd800 && c <= 0xdfff) || c === 0x03a3 || l.length !== 1 ? SPECIAL : l.charCodeAt(0);
    t[c] = v;
  }
  return v;
}

/** Code units turned into a string per call of String.fromCharCode (well under engines' argument limits). */
const CHUNK = 8192;
let scratch = new Uint16Array(0);
const MAX_SCRATCH = 1 << 21;

/** Exactly `text.toLowerCase()`. */
export function toLower(text: string): string {
  if (text.length < MIN_LENGTH || !/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  const t = (table ??= new Int32Array(0x10000).fill(UNKNOWN));
  let out = scratch;
  if (out.length < text.length) {
    out = new Uint16Array(text.length);
    if (out.length <= MAX_SCRATCH) scratch = out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let v = t[c] as number;
    if (v < 0) {
      v = v === UNKNOWN ? lowerOf(t, c) : v;
      if (v === SPECIAL) return text.toLowerCase();
    }
    out[i] = v;
  }
  // fromCharCode over chunks: a few times faster than TextDecoder('utf-16le') here.
  let lower = '';
  for (let i = 0; i < text.length; i += CHUNK) lower += String.fromCharCode.apply(null, out.subarray(i, Math.min(text.length, i + CHUNK)) as unknown as number[]);
  return lower;
}
