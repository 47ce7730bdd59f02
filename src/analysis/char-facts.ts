/**
 * @fileoverview Character statistics of a text in one pass, for the gates that let the decoders,
 * the markup scan and the whitespace collapse skip text that cannot hold what they look for. Each
 * fact equals the check it stands for (the regex or one-pass function named on it), so a gate
 * built on it passes exactly when the old check did (test/analysis/char-facts.test.ts compares
 * them on random texts). Separate checks each cost a pass over the text (0.1–0.3 ms per 100 KB
 * for a regex or a `charCodeAt` loop); this is one pass over the text's bytes (or UTF-16 code
 * units when it is not Latin-1).
 */

export interface CharFacts {
  /** No character beyond U+007F (`/[^\x00-\x7f]/` fails). */
  ascii: boolean;
  /** Longest run of base64(url) characters `[A-Za-z0-9+/_-]`, counted up to 32 (longestRun). */
  base64Run: number;
  /** Sixteen hex digits in a row (`/[0-9a-fA-F]{16}/`). */
  hex16: boolean;
  /** Sixteen base32 characters in a row (`/[A-Z2-7]{16}/`). */
  base32x16: boolean;
  /** Eight binary digits in a row (`/[01]{8}/`). */
  binary8: boolean;
  /** Five Morse characters or spaces in a row (`[.\-·–— ]`): necessary for the Morse gate of encodings.ts. */
  morse5: boolean;
  /** Six hex bytes in a row, each followed by a space, colon or comma (hasSeparatedHexBytes(text, 6)). */
  separatedHex: boolean;
  /** mayBeLeetspeak of the first LEET_SAMPLE characters. */
  leet: boolean;
  /** Two spaces, a tab, or a space next to a newline (`/ {2}|\t| \n|\n /`): collapseWhitespace has work. */
  looseWhitespace: boolean;
  /**
   * Seven newlines in one run of blank characters, or 200 spaces without a newline: a necessary
   * condition for text "below the fold" (markup.ts).
   */
  fold: boolean;
}

/** Characters mayBeLeetspeak and findDisguises read (encodings.ts: MAX_RUN_CHARS). */
export const LEET_SAMPLE = 64 * 1024;

// Bits of a character's class. Runs of base64 characters are the common case (letters and
// digits): the loop only ORs their bits together and looks at a run as a whole when it ends. The
// other alphabets (hex, base32, binary, "-") are subsets of base64, so their runs lie inside
// base64 runs; a NOT_ bit marks a base64 character outside the subset.
const BASE64 = 1;
const NOT_HEX = 2;
const NOT_BASE32 = 4;
const NOT_BINARY = 8;
const NOT_MINUS = 16;
/** `-`, the one Morse character inside base64. */
const MINUS = 8192;
/** Morse characters outside base64: `.`, space, `·`, `–`, `—` (`-` is base64). */
const MORSE = 32;
/** Separators of hex bytes: space, colon, comma. */
const HEX_SEP = 64;
/** Where mayBeLeetspeak (and findDisguises) split words: whitespace and `.,;:!?()"'\``. */
const SEPARATOR = 128;
const LETTER = 256;
/** Characters leetspeak substitutes for letters: `0134579@$`. */
const SUBSTITUTE = 512;
/** Characters allowed inside a leetspeak word besides letters and substitutes: `_/~-`. */
const JOINER = 1024;
/** Anything else inside a word (makes it not leetspeak). */
const OTHER = 2048;
/** Blank characters of belowTheFold (space, tab, no-break space, carriage return); newline apart. */
const BLANK = 4096;

const CLASSES = (() => {
  const table = new Uint16Array(256);
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = upper.toLowerCase();
  const base64 = `${upper}${lower}0123456789+/_-`;
  const has = (chars: string, c: number) => chars.includes(String.fromCharCode(c));
  for (let c = 0; c < 256; c++) {
    let k = 0;
    if (has(base64, c)) {
      k |= BASE64;
      if (!has('0123456789abcdefABCDEF', c)) k |= NOT_HEX;
      if (!has(`${upper}234567`, c)) k |= NOT_BASE32;
      if (!has('01', c)) k |= NOT_BINARY;
      if (c !== 0x2d) k |= NOT_MINUS;
      else k |= MINUS;
    }
    if (has('. \u00b7', c)) k |= MORSE;
    if (has(' :,', c)) k |= HEX_SEP;
    if (has(' \n\t\r\f\v.,;:!?()"\'`\u00a0', c)) k |= SEPARATOR;
    else if (has(`${upper}${lower}`, c)) k |= LETTER;
    else if (has('0134579@$', c)) k |= SUBSTITUTE;
    else if (has('_/~-', c)) k |= JOINER;
    else k |= OTHER;
    if (has(' \t\u00a0\r', c)) k |= BLANK;
    table[c] = k;
  }
  return table;
})();

/** JavaScript's `\s` beyond Latin-1 (WhiteSpace and LineTerminator of the spec). */
function isWideSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Class bits of a code unit beyond Latin-1. */
function wideClass(c: number): number {
  if (c === 0x2013 || c === 0x2014) return MORSE | OTHER; // – —
  return isWideSpace(c) ? SEPARATOR : OTHER;
}

/** Longest run of the members of a base64 subset (characters without `notBit`) in units[from, to). */
function longestSubRun(units: Uint8Array | Uint16Array, from: number, to: number, notBit: number): number {
  let run = 0;
  let max = 0;
  for (let i = from; i < to; i++) {
    if ((CLASSES[units[i] as number] as number) & notBit) run = 0;
    else if (++run > max) max = run;
  }
  return max;
}

/** How many of the characters just before `end` (down to `from`) lack `notBit`, counted up to `cap`. */
function trailing(units: Uint8Array | Uint16Array, from: number, end: number, notBit: number, cap: number): number {
  let n = 0;
  while (n < cap && end - n > from && !((CLASSES[units[end - n - 1] as number] as number) & notBit)) n++;
  return n;
}

/**
 * The pass. One function with local state (not helpers over a state object): it runs once per
 * character on every scanned text, and V8 keeps locals in registers. Base64 characters (letters
 * and digits, most of any text) only OR their class bits in the inner loop; the rest is done per
 * run and per character outside base64, and what a run's last characters mean (trailing hex
 * digits, trailing "-") is looked at only when the next character makes it matter.
 */
function pass(units: Uint8Array | Uint16Array, length: number, ascii: boolean): CharFacts {
  let maxBase64 = 0;
  let hex16 = false;
  let base32x16 = false;
  let binary8 = false;
  let morse = 0;
  let morse5 = false;
  // hasSeparatedHexBytes: hex bytes (two digits and a separator) in the current chain.
  let chain = 0;
  let separatedHex = false;
  // mayBeLeetspeak over the first LEET_SAMPLE characters: words, leetspeak-looking words, the current word.
  const leetEnd = Math.min(length, LEET_SAMPLE);
  let words = 0;
  let found = 0;
  let wordLength = 0;
  let wordBits = 0;
  // collapseWhitespace's pre-check and belowTheFold's necessary condition.
  let prev = -1;
  let loose = false;
  let blanks = 0;
  let newlines = 0;
  let fold = false;
  let i = 0;
  for (const [segmentEnd, leet] of [[leetEnd, true], [length, false]] as const) {
    while (i < segmentEnd) {
      // A run of base64 characters (possibly empty).
      const runStart = i;
      let bits = 0;
      let k = 0;
      let c = 0;
      while (i < segmentEnd) {
        c = units[i] as number;
        k = c < 256 ? (CLASSES[c] as number) : wideClass(c);
        if (!(k & BASE64)) break;
        bits |= k;
        i++;
      }
      const len = i - runStart;
      // The run may go on past the leetspeak sample: leave it whole for the other facts.
      if (i === segmentEnd && segmentEnd < length && len > 0) {
        if (leet) {
          wordBits |= bits;
          wordLength += len;
        }
        i = runStart;
        break;
      }
      const at = i < length ? k : 0; // the character after the run (0: the end)
      if (len > 0) {
        if (len > maxBase64) maxBase64 = len;
        if (len >= 8) {
          if (!binary8) binary8 = !(bits & NOT_BINARY) || longestSubRun(units, runStart, i, NOT_BINARY) >= 8;
          if (len >= 16) {
            if (!hex16) hex16 = !(bits & NOT_HEX) || longestSubRun(units, runStart, i, NOT_HEX) >= 16;
            if (!base32x16) base32x16 = !(bits & NOT_BASE32) || longestSubRun(units, runStart, i, NOT_BASE32) >= 16;
          }
        }
        // Morse runs continue through "-" characters (rare: most runs have none).
        if (bits & MINUS) {
          morse = bits & NOT_MINUS ? trailing(units, runStart, i, NOT_MINUS, 5) : morse + len;
          if (morse >= 5) morse5 = true;
        } else morse = 0;
        if (leet) {
          wordBits |= bits;
          wordLength += len;
        }
        prev = -1;
        blanks = 0;
        newlines = 0;
      }
      if (i >= segmentEnd) break;
      // A run of other characters beyond Latin-1 (letters of other scripts, CJK): each resets the
      // chains, counts in a leetspeak word and is no whitespace, so the run is taken at once.
      if (at === OTHER && c >= 256) {
        let j = i + 1;
        while (j < segmentEnd) {
          const d = units[j] as number;
          if (d < 256 || wideClass(d) !== OTHER) break;
          j++;
        }
        chain = 0;
        morse = 0;
        if (leet) {
          wordBits |= OTHER;
          wordLength += j - i;
        }
        prev = units[j - 1] as number;
        blanks = 0;
        newlines = 0;
        i = j;
        continue;
      }
      // The character at i is outside base64.
      if (at & HEX_SEP) {
        // Hex digits just before it: the run's trailing ones; a non-hex character in the run broke the chain.
        const digits = len === 0 ? 0 : bits & NOT_HEX ? trailing(units, runStart, i, NOT_HEX, 3) : len;
        const base = len > 0 && bits & NOT_HEX ? 0 : chain;
        chain = digits === 2 ? base + 1 : digits > 2 ? 1 : 0;
        if (chain >= 6) separatedHex = true;
      } else chain = 0;
      if (at & MORSE) {
        if (++morse >= 5) morse5 = true;
      } else morse = 0;
      if (leet) {
        if (at & SEPARATOR) {
          if (wordLength > 0) words++;
          if (wordBits & LETTER && wordBits & SUBSTITUTE && !(wordBits & OTHER) && wordLength >= 2) found++;
          wordBits = 0;
          wordLength = 0;
        } else {
          wordBits |= at;
          wordLength++;
        }
      }
      if (c === 0x09 || ((c === 0x20 || c === 0x0a) && (prev === 0x20 || (prev === 0x0a && c === 0x20)))) loose = true;
      prev = c;
      if (c === 0x0a) {
        blanks = 0;
        if (++newlines >= 7) fold = true;
      } else if (at & BLANK) {
        if (++blanks >= 200) fold = true;
      } else {
        blanks = 0;
        newlines = 0;
      }
      i++;
    }
    if (leet) {
      // The end of the sample closes its last word (mayBeLeetspeak reads one separator past it).
      if (wordLength > 0) words++;
      if (wordBits & LETTER && wordBits & SUBSTITUTE && !(wordBits & OTHER) && wordLength >= 2) found++;
    }
  }
  return {
    ascii,
    base64Run: Math.min(maxBase64, 32),
    hex16,
    base32x16,
    binary8,
    morse5,
    separatedHex,
    leet: found >= 4 && found >= 0.3 * words,
    looseWhitespace: loose,
    fold,
  };
}

const encoder = new TextEncoder();
/**
 * Reused buffers for the bytes (or UTF-16 code units) of texts, kept up to this size (larger texts
 * get their own): allocating 200 KB for each 100 KB text costs more than the pass itself.
 */
const MAX_SCRATCH = 1 << 22;
let scratch = new Uint8Array(0);
let wideScratch = Buffer.alloc(0);

/** The facts of `text`, in one pass. */
export function charFacts(text: string): CharFacts {
  let buf = scratch;
  if (buf.length < text.length) {
    buf = new Uint8Array(Math.max(text.length, 1024));
    if (buf.length <= MAX_SCRATCH) scratch = buf;
  }
  // A non-ASCII character takes two or more bytes in UTF-8, so the text cannot fit in `length` bytes.
  const { read, written } = encoder.encodeInto(text, buf.subarray(0, text.length));
  if (read === text.length && written === text.length) return pass(buf, text.length, true);
  // Latin-1 text is still one byte per code unit; anything else is read as UTF-16 code units.
  if (!/[^\x00-\xff]/.test(text)) {
    Buffer.from(buf.buffer, buf.byteOffset, text.length).write(text, 0, text.length, 'latin1');
    return pass(buf, text.length, false);
  }
  let wide = wideScratch;
  if (wide.length < text.length * 2) {
    wide = Buffer.alloc(Math.max(text.length * 2, 2048));
    if (wide.length <= MAX_SCRATCH) wideScratch = wide;
  }
  wide.write(text, 0, text.length * 2, 'utf16le');
  return pass(new Uint16Array(wide.buffer, wide.byteOffset, text.length), text.length, false);
}
