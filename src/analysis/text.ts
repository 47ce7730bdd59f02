/**
 * @fileoverview Normalises one text field into the views rules read: the visible text (ANSI
 * stripped, invisible characters removed, NFKC, homoglyphs folded), the hidden texts (Unicode tags,
 * variation selectors, bidi overrides, concealed ANSI, HTML comments and other hidden markup), and
 * the decoded texts (base64, hex, … and disguises such as ROT13), re-analysed to a bounded depth.
 */
import { scanAnsi, type AnsiEffect, type AnsiScan } from './ansi.js';
import { charFacts, type CharFacts } from './char-facts.js';
import { findDisguises, findEncodedRuns, findOpaqueBlobs, findSpacedLetters, type Encoding } from './encodings.js';
import { scanMarkup, type HiddenMarkup, type MarkupTechnique } from './markup.js';
import { SignalSet } from './signals/index.js';
import { foldConfusables, scanInvisible, type InvisibleScan, type SmuggledText } from './unicode.js';

export type HiddenTechnique = SmuggledText['technique'] | `ansi-${AnsiEffect}` | MarkupTechnique;

export type ViewOrigin =
  | { kind: 'visible' }
  | { kind: 'hidden'; technique: HiddenTechnique; start: number; end: number }
  | { kind: 'decoded'; encoding: Encoding; source: string; start: number; end: number; depth: number; within?: HiddenTechnique; inline?: boolean };

/** Whitespace collapseWhitespace changes: two spaces, a tab, or a space next to a newline. */
const LOOSE_WHITESPACE = / {2}|\t| \n|\n /;

/**
 * Hard-wrapped and indented text (docstrings) would otherwise read as one sentence per line:
 * trims spaces around newlines and squeezes runs of spaces. Text without two spaces, a tab or a
 * space next to a newline is returned as it is. Otherwise each maximal run of spaces, tabs and
 * newlines becomes its newlines, or, without one, a single space (nothing at the start or end).
 * Runs that stay as they are (one space, one newline) are not matched, so ordinary prose costs
 * one regex pass; the pattern cannot backtrack (a run is matched whole, or a single character).
 * @param loose whether the text has such whitespace, when the caller knows (charFacts)
 */
export function collapseWhitespace(text: string, loose = LOOSE_WHITESPACE.test(text)): string {
  if (!loose) return text;
  return text.replace(/[ \t\n]{2,}|\t|^ | $/g, (run: string, at: number) => {
    let newlines = 0;
    for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 0x0a) newlines++;
    if (newlines > 0) return '\n'.repeat(newlines);
    return at === 0 || at + run.length === text.length ? '' : ' ';
  });
}

/** One reading of a field, with its signals computed on demand. */
export class TextView {
  private cached: SignalSet | undefined;
  private factsCache: CharFacts | undefined;
  readonly text: string;
  /** @param facts charFacts(text), when the caller has them */
  constructor(
    readonly origin: ViewOrigin,
    text: string,
    facts?: CharFacts,
  ) {
    this.text = collapseWhitespace(text, facts?.looseWhitespace);
    if (facts !== undefined && this.text === text) this.factsCache = facts;
  }
  /** Character statistics of the text (char-facts.ts), for the decoders' gates. */
  get facts(): CharFacts {
    this.factsCache ??= charFacts(this.text);
    return this.factsCache;
  }
  get signals(): SignalSet {
    this.cached ??= new SignalSet(this.text.toLowerCase());
    return this.cached;
  }
  get lower(): string {
    return this.signals.lower;
  }
}

export interface TextAnalysis {
  raw: string;
  visible: TextView;
  hidden: TextView[];
  decoded: TextView[];
  invisible?: InvisibleScan;
  ansi?: AnsiScan;
  markup: HiddenMarkup[];
  /** Words written with homoglyphs from another script, and letters written as enclosed symbols. */
  disguisedWords: number;
  enclosedLetters: number;
  /** Long encoded blobs that do not decode to text (still suspicious next to "decode and apply"). */
  opaqueBlobs: Array<{ start: number; end: number; source: string; encoding: Encoding }>;
  /** Memo of the rules' helpers: the views read as prose (hidden markup, then the visible text). */
  proseViews?: readonly TextView[];
}

const MAX_DEPTH = 3;
const MAX_VIEWS = 48;
/** Plain text kept on each side of a decoded run in the spliced view (analyzeText). */
const INLINE_CONTEXT = 400;
 
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * NFKC plus homoglyph folding, only when the text has anything beyond ASCII.
 * @param ascii whether the text is ASCII, when the caller knows
 */
function normalise(text: string, ascii = !NON_ASCII.test(text)): { text: string; disguisedWords: number; enclosed: number } {
  if (ascii) return { text, disguisedWords: 0, enclosed: 0 };
  const folded = foldConfusables(text);
  return { ...folded, text: folded.text.normalize('NFKC') };
}

function decodeInto(view: TextView, out: TextView[], depth: number, within: HiddenTechnique | undefined): void {
  if (depth > MAX_DEPTH || out.length >= MAX_VIEWS) return;
  // The view's signals scan (which the rules need anyway) also counts the disguise dictionaries' words.
  const runs = [...findEncodedRuns(view.text, view.facts), ...findDisguises(view.text, { facts: view.facts, dictionaryWords: (d) => view.signals.dictionaryWords(d) })];
  for (const r of runs) {
    if (out.length >= MAX_VIEWS) return;
    const norm = normalise(r.text).text;
    const origin: ViewOrigin = { kind: 'decoded', encoding: r.encoding, source: r.source, start: r.start, end: r.end, depth };
    if (within !== undefined) origin.within = within;
    const decoded = new TextView(origin, norm);
    out.push(decoded);
    // A disguise of a disguise is noise; decoded encodings can nest (base64 inside hex, …).
    if (r.encoding !== 'rot13' && r.encoding !== 'rot47' && r.encoding !== 'reversed' && r.encoding !== 'leetspeak') decodeInto(decoded, out, depth + 1, within);
  }
}

/** Analyses one text field. Pure; bounded in views and decoded size. */
export function analyzeText(raw: string): TextAnalysis {
  let text = raw;
  let ansi: AnsiScan | undefined;
  const hidden: TextView[] = [];
  if (text.indexOf('\x1b') >= 0 || text.indexOf('\x9b') >= 0 || text.indexOf('\r') >= 0) {
    ansi = scanAnsi(text);
    text = ansi.stripped;
    for (const h of ansi.hidden) hidden.push(new TextView({ kind: 'hidden', technique: `ansi-${h.effect}`, start: h.start, end: h.end }, normalise(scanInvisible(h.text).visible).text));
  }
  // One pass of character statistics serves the ASCII check, the whitespace collapse, the markup
  // scan and the decoders' gates (char-facts.ts).
  const facts = charFacts(text);
  let invisible: InvisibleScan | undefined;
  if (!facts.ascii) {
    invisible = scanInvisible(text);
    text = invisible.visible;
    for (const s of invisible.smuggled) hidden.push(new TextView({ kind: 'hidden', technique: s.technique, start: s.start, end: s.end }, normalise(s.text).text));
  }
  const norm = facts.ascii ? normalise(text, true) : normalise(text);
  const normFacts = facts.ascii ? facts : charFacts(norm.text);
  const visible = new TextView({ kind: 'visible' }, norm.text, normFacts);
  const markup = scanMarkup(norm.text, normFacts);
  for (const m of markup) hidden.push(new TextView({ kind: 'hidden', technique: m.technique, start: m.start, end: m.end }, m.text));
  const decoded: TextView[] = [];
  // Letter-by-letter text needs the spacing the visible view collapses, so it is read here.
  if (normFacts.looseWhitespace) for (const r of findSpacedLetters(norm.text)) decoded.push(new TextView({ kind: 'decoded', encoding: r.encoding, source: r.source, start: r.start, end: r.end, depth: 1 }, r.text));
  decodeInto(visible, decoded, 1, undefined);
  // The visible text with encoded runs replaced by their decoding, so a sentence that is half
  // plain ("… and put it in `schema`") and half encoded reads as one instruction. Only the text
  // within INLINE_CONTEXT characters of a run is kept: in a long text (a README, a log) the rest is
  // not part of that sentence, and judged with it, any phrase anywhere would count as "decoded".
  const spliced = decoded.filter((d) => d.origin.kind === 'decoded' && d.origin.depth === 1 && !(d.origin.start === 0 && d.origin.end === norm.text.length));
  if (spliced.length > 0) {
    let inline = '';
    let pos = 0;
    let atStart = true;
    for (const d of [...spliced].sort((a, b) => (a.origin.kind === 'decoded' && b.origin.kind === 'decoded' ? a.origin.start - b.origin.start : 0))) {
      if (d.origin.kind !== 'decoded' || d.origin.start < pos) continue;
      // Plain text before this run: all of it when short, else the ends next to the runs around it.
      const gap = d.origin.start - pos;
      const limit = atStart ? INLINE_CONTEXT : 2 * INLINE_CONTEXT;
      if (gap <= limit) inline += norm.text.slice(pos, d.origin.start);
      else inline += `${atStart ? '' : `${norm.text.slice(pos, pos + INLINE_CONTEXT)}\n\n`}${norm.text.slice(d.origin.start - INLINE_CONTEXT, d.origin.start)}`;
      inline += ` ${d.text} `;
      pos = d.origin.end;
      atStart = false;
    }
    inline += norm.text.slice(pos, pos + INLINE_CONTEXT);
    const first = spliced[0];
    if (first !== undefined && first.origin.kind === 'decoded') {
      decoded.push(new TextView({ kind: 'decoded', encoding: first.origin.encoding, source: first.origin.source, start: first.origin.start, end: first.origin.end, depth: 1, inline: true }, inline));
    }
  }
  for (const h of hidden) {
    if (h.origin.kind === 'hidden') decodeInto(h, decoded, 1, h.origin.technique);
  }
  const analysis: TextAnalysis = {
    raw,
    visible,
    hidden,
    decoded,
    markup,
    disguisedWords: norm.disguisedWords,
    enclosedLetters: norm.enclosed,
    opaqueBlobs: findOpaqueBlobs(norm.text, normFacts),
  };
  if (invisible !== undefined) analysis.invisible = invisible;
  if (ansi !== undefined) analysis.ansi = ansi;
  return analysis;
}

/** Every view of an analysis: visible first, then hidden, then decoded. */
export function allViews(a: TextAnalysis): TextView[] {
  return [a.visible, ...a.hidden, ...a.decoded];
}
