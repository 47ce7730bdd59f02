/**
 * @fileoverview Which keywords of a fixed set occur in a text, and where, in one pass. The
 * prefilters of the signal engine and the secret detectors run on every text mcp-warden sees,
 * including whole tool results in the gateway, so this pass is on the hot path.
 *
 * The keywords are compiled into a flat Aho-Corasick automaton: a DFA over character classes
 * (each character that occurs in a keyword is a class, every other character is class 0), with
 * the failure links folded into the transition table, so each character of the text costs one
 * table load. Keywords made of ASCII characters and the others get separate automata: ASCII text
 * (most text) needs only the first, whose alphabet and table are small. An ASCII text is read as
 * bytes (TextEncoder writes them natively) in four interleaved streams, which hides the latency of
 * the table loads. Measured on 100 KB of report text: about 0.15 ms, against 1–2 ms for the
 * zero-width V8 regex this replaces. test/analysis/keyword-set.test.ts checks the result against
 * a naive scan.
 */

/** A compiled automaton over the keywords of one group. */
interface Automaton {
  /** Character class of each UTF-16 code unit (0: in no keyword). */
  classes: Uint8Array | Uint16Array;
  /** Number of classes (the stride of a state's row). */
  stride: number;
  /** Transitions: next state's row offset (state × stride), indexed by row offset + class. */
  next: Int32Array;
  /**
   * For the automaton of non-ASCII keywords, whose alphabet spans scripts (hundreds of classes):
   * the same table holding state numbers in 16 bits, half the memory; `next` is then empty.
   */
  compact?: Uint16Array;
  /** Row offsets at or above this one belong to states where a keyword ends. */
  firstOutput: number;
  /**
   * Keyword ids ending in each output state o (o = (row offset - firstOutput) / stride): ids
   * outputIds[outputStart[o] .. outputStart[o + 1]). Flat: one small typed array per output state
   * cost about 200 bytes each, thousands of them.
   */
  outputStart: Int32Array;
  outputIds: Int32Array;
}

/** Keyword occurrences of one scan: ids present and, on demand, where each occurrence ends. */
export interface KeywordHits {
  /** Ids (indices into KeywordSet.keywords) of the keywords that occur, ascending. */
  readonly ids: readonly number[];
  /** Whether keyword `id` occurs. */
  has(id: number): boolean;
  /** End offsets (exclusive) of every occurrence of keyword `id`, ascending. */
  ends(id: number): ArrayLike<number>;
}

const EMPTY: ArrayLike<number> = new Int32Array(0);
const NO_HITS: KeywordHits = { ids: [], has: () => false, ends: () => EMPTY };

/** Builds the automaton of `keywords` (ids parallel to `ids`); `ascii` picks a 128-entry class table. */
function compile(keywords: readonly string[], ids: readonly number[], ascii: boolean): Automaton {
  const wide = new Uint16Array(ascii ? 128 : 65536);
  let stride = 1;
  for (const k of keywords) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (wide[c] === 0) wide[c] = stride++;
    }
  }
  // Most groups have fewer than 256 classes: a byte per code unit, half the table.
  const classes = stride <= 0x100 ? Uint8Array.from(wide) : wide;
  // The trie's edges, keyed state * stride + class (the root is never a child), and the keyword ids
  // ending in each state. A map, not a table sized for the worst case: with the regex plans'
  // anchors that table took several MB only to be dropped, and the process keeps such memory.
  const trie = new Map<number, number>();
  const edge = (s: number, c: number): number => trie.get(s * stride + c) ?? 0;
  const ends: Array<number[] | undefined> = [];
  /** The classes of each state's edges (so nothing walks a whole row to find them). */
  const edgeClasses: number[][] = [[]];
  let states = 1;
  keywords.forEach((k, n) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const c = classes[k.charCodeAt(i)] as number;
      let t = edge(s, c);
      if (t === 0) {
        t = states++;
        trie.set(s * stride + c, t);
        edgeClasses[s]?.push(c);
        edgeClasses.push([]);
      }
      s = t;
    }
    (ends[s] ??= []).push(ids[n] as number);
  });
  // Breadth-first: failure links (classic Aho-Corasick, following the trie) and outputs inherited
  // along them (a proper suffix is another keyword, never a duplicate).
  const fail = new Int32Array(states);
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const s = order[q] as number;
    if (s !== 0) {
      const inherited = ends[fail[s] as number];
      if (inherited !== undefined) ends[s] = [...(ends[s] ?? []), ...inherited];
    }
    for (const c of edgeClasses[s] ?? []) {
      const t = edge(s, c);
      if (s !== 0) {
        let f = fail[s] as number;
        while (f !== 0 && edge(f, c) === 0) f = fail[f] as number;
        fail[t] = edge(f, c);
      }
      order.push(t);
    }
  }
  // Renumber so that output states come last: one comparison per character tells "a keyword ends here".
  const renumbered = new Int32Array(states);
  let n = 0;
  for (const s of order) if (ends[s] === undefined) renumbered[s] = n++;
  const firstOutput = n;
  const outputLists: number[][] = [];
  for (const s of order) {
    const e = ends[s];
    if (e === undefined) continue;
    renumbered[s] = n++;
    outputLists.push(e.sort((x, y) => x - y));
  }
  const outputStart = new Int32Array(outputLists.length + 1);
  outputLists.forEach((e, o) => (outputStart[o + 1] = (outputStart[o] as number) + e.length));
  const outputIds = Int32Array.from(outputLists.flat());
  // The full transition table, in the new numbering, rows holding the next state's row offset: a
  // state's row is its failure state's row (complete, being shallower) with its own edges over it.
  // Non-ASCII keywords in many scripts make a wide table: it holds state numbers in 16 bits.
  const compact = !ascii && states <= 0xffff;
  const table = compact ? new Uint16Array(states * stride) : new Int32Array(states * stride);
  const scale = compact ? 1 : stride;
  for (const s of order) {
    const row = (renumbered[s] as number) * stride;
    if (s !== 0) {
      const from = (renumbered[fail[s] as number] as number) * stride;
      table.copyWithin(row, from, from + stride);
    }
    for (const c of edgeClasses[s] ?? []) table[row + c] = (renumbered[edge(s, c)] as number) * scale;
  }
  const common = { classes, stride, firstOutput: firstOutput * stride, outputStart, outputIds };
  if (table instanceof Uint16Array) return { ...common, next: new Int32Array(0), compact: table };
  return { ...common, next: table };
}

const encoder = new TextEncoder();
/** Reused buffer for the bytes of ASCII texts (kept up to this size; larger texts get their own). */
const MAX_SCRATCH = 1 << 22;
let scratch = new Uint8Array(0);

/** The text as bytes when it is all ASCII (one byte per code unit), else undefined. Valid until the next call. */
function asciiBytes(text: string): Uint8Array | undefined {
  let buf = scratch;
  if (buf.length < text.length) {
    buf = new Uint8Array(Math.max(text.length, 1024));
    if (buf.length <= MAX_SCRATCH) scratch = buf;
  }
  // A non-ASCII character takes two or more bytes, so the text cannot fit in `length` bytes. The
  // first part is tried alone: text in another script is told apart without encoding all of it.
  const head = Math.min(text.length, 1024);
  const first = encoder.encodeInto(head === text.length ? text : text.slice(0, head), buf.subarray(0, head));
  if (first.read !== head || first.written !== head) return undefined;
  if (head === text.length) return buf;
  const { read, written } = encoder.encodeInto(text.slice(head), buf.subarray(head, text.length));
  return read === text.length - head && written === text.length - head ? buf : undefined;
}

/** Occurrences as (end offset, output row) pairs, in text order, exactly sized. */
type Records = Int32Array;
const NO_RECORDS: Records = new Int32Array(0);

/**
 * Where a scan writes its pairs before they are copied out at their exact size: a long text has
 * thousands of keyword occurrences, and growing arrays of numbers for them was a third of what a
 * gateway allocated per 100 KB result. One per interleaved stream, grown on demand and kept up to
 * MAX_PAIRS entries. The scan loops only call `note` on a hit, so their registers hold states.
 */
const MAX_PAIRS = 1 << 16;
const pairScratch: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
/** Entries used in each stream's scratch during the current scan. */
const pairLength = new Int32Array(4);

/** Records a hit of stream `k`: a keyword of output row `row` ends at `end`. */
function note(k: number, end: number, row: number): void {
  let buf = pairScratch[k] as Int32Array;
  const n = pairLength[k] as number;
  if (n + 2 > buf.length) {
    const g = new Int32Array(buf.length * 2);
    g.set(buf);
    buf = g;
    pairScratch[k] = g;
  }
  buf[n] = end;
  buf[n + 1] = row;
  pairLength[k] = n + 2;
}

/** Starts a scan: every stream empty, a scratch grown past the limit by a huge text let go. */
function resetPairs(): void {
  pairLength.fill(0);
  for (let k = 0; k < 4; k++) if ((pairScratch[k] as Int32Array).length > MAX_PAIRS) pairScratch[k] = new Int32Array(256);
}

/** The pairs of streams 0..streams-1, in order, in one array of their exact size. */
function records(streams: number): Records {
  let n = 0;
  for (let k = 0; k < streams; k++) n += pairLength[k] as number;
  if (n === 0) return NO_RECORDS;
  const out = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < streams; k++) {
    const len = pairLength[k] as number;
    out.set((pairScratch[k] as Int32Array).subarray(0, len), at);
    at += len;
  }
  return out;
}

/**
 * Runs `a` over the first `length` bytes. `longest` is the longest keyword: after reading that many
 * characters, the automaton's state no longer depends on where it started.
 */
function scanBytes(a: Automaton, bytes: Uint8Array, length: number, longest: number): Records {
  const { classes, next, firstOutput } = a;
  const quarter = length >> 2;
  resetPairs();
  if (quarter < 4 * longest + 64) {
    let s = 0;
    for (let i = 0; i < length; i++) {
      s = next[s + (classes[bytes[i] as number] as number)] as number;
      if (s >= firstOutput) note(0, i + 1, s);
    }
    return records(1);
  }
  // Four interleaved streams over four quarters: the loads of one stream overlap the others'.
  // Each stream starts `longest` characters early, so its state is exact from its quarter on.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i1 = quarter - longest;
  let i2 = 2 * quarter - longest;
  let i3 = 3 * quarter - longest;
  for (let i0 = -longest; i0 < 0; i0++, i1++, i2++, i3++) {
    s1 = next[s1 + (classes[bytes[i1] as number] as number)] as number;
    s2 = next[s2 + (classes[bytes[i2] as number] as number)] as number;
    s3 = next[s3 + (classes[bytes[i3] as number] as number)] as number;
  }
  for (let i0 = 0; i0 < quarter; i0++, i1++, i2++, i3++) {
    s0 = next[s0 + (classes[bytes[i0] as number] as number)] as number;
    s1 = next[s1 + (classes[bytes[i1] as number] as number)] as number;
    s2 = next[s2 + (classes[bytes[i2] as number] as number)] as number;
    s3 = next[s3 + (classes[bytes[i3] as number] as number)] as number;
    if (s0 >= firstOutput) note(0, i0 + 1, s0);
    if (s1 >= firstOutput) note(1, i1 + 1, s1);
    if (s2 >= firstOutput) note(2, i2 + 1, s2);
    if (s3 >= firstOutput) note(3, i3 + 1, s3);
  }
  for (; i3 < length; i3++) {
    s3 = next[s3 + (classes[bytes[i3] as number] as number)] as number;
    if (s3 >= firstOutput) note(3, i3 + 1, s3);
  }
  return records(4);
}

/** Runs `a` over the UTF-16 code units of `text` (characters beyond the class table are class 0). */
function scanUnits(a: Automaton, text: string): Records {
  if (a.compact !== undefined) return scanUnitsCompact(a, a.compact, text);
  const { classes, next, firstOutput } = a;
  const limit = classes.length;
  resetPairs();
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    s = next[s + (c < limit ? (classes[c] as number) : 0)] as number;
    if (s >= firstOutput) note(0, i + 1, s);
  }
  return records(1);
}

/** scanUnits over a compact table (state numbers); records hold row offsets like the others. */
function scanUnitsCompact(a: Automaton, table: Uint16Array, text: string): Records {
  const { classes, stride } = a;
  const firstState = a.firstOutput / stride;
  const limit = classes.length;
  resetPairs();
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    s = table[s * stride + (c < limit ? (classes[c] as number) : 0)] as number;
    if (s >= firstState) note(0, i + 1, s * stride);
  }
  return records(1);
}

/** Per automaton, a scratch of "output state seen in this scan" stamps (a scan's number), so no scan allocates one. */
const seenStamps = new WeakMap<Automaton, { stamps: Int32Array; scan: number }>();

class Hits implements KeywordHits {
  /** Ids of the keywords that occur, ascending. */
  readonly ids: readonly number[];
  /** Occurrence ends grouped by keyword: those of ids[k] are ends[start[k] .. start[k + 1]). */
  private byId: { start: Int32Array; ends: Int32Array } | undefined;

  constructor(private readonly groups: ReadonlyArray<readonly [Automaton, Records]>) {
    const ids: number[] = [];
    for (const [a, rec] of groups) {
      let seen = seenStamps.get(a);
      if (seen === undefined) {
        seen = { stamps: new Int32Array(a.outputStart.length - 1), scan: 0 };
        seenStamps.set(a, seen);
      }
      const scan = ++seen.scan;
      const { outputStart, outputIds } = a;
      for (let k = 1; k < rec.length; k += 2) {
        const o = ((rec[k] as number) - a.firstOutput) / a.stride;
        if (seen.stamps[o] === scan) continue;
        seen.stamps[o] = scan;
        for (let j = outputStart[o] as number; j < (outputStart[o + 1] as number); j++) ids.push(outputIds[j] as number);
      }
    }
    // Output states of one automaton can share ids (a keyword that is a suffix of another), and
    // groups share the ASCII keywords: sorted, then deduplicated in place.
    ids.sort((x, y) => x - y);
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[n++] = ids[k] as number;
    ids.length = n;
    this.ids = ids;
  }

  /** Position of `id` in `ids` (binary search), or -1. */
  private slot(id: number): number {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid] as number;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  has(id: number): boolean {
    return this.slot(id) >= 0;
  }

  ends(id: number): ArrayLike<number> {
    const k = this.slot(id);
    if (k < 0) return EMPTY;
    // Bucketed once, on the first request: count per keyword, then place (records are in text order).
    const byId = (this.byId ??= this.bucket());
    const list = byId.ends.subarray(byId.start[k], byId.start[k + 1]);
    // Several automata can have occurrences only in non-ASCII text: merge their orders.
    return this.groups.length > 1 ? list.slice().sort() : list;
  }

  private bucket(): { start: Int32Array; ends: Int32Array } {
    const n = this.ids.length;
    const start = new Int32Array(n + 1);
    for (const [a, rec] of this.groups) {
      const { outputStart, outputIds } = a;
      for (let k = 1; k < rec.length; k += 2) {
        const o = ((rec[k] as number) - a.firstOutput) / a.stride;
        for (let j = outputStart[o] as number; j < (outputStart[o + 1] as number); j++) {
          const s = this.slot(outputIds[j] as number) + 1;
          start[s] = (start[s] as number) + 1;
        }
      }
    }
    for (let k = 0; k < n; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const fill = start.slice(0, n);
    const ends = new Int32Array(start[n] as number);
    for (const [a, rec] of this.groups) {
      const { outputStart, outputIds } = a;
      for (let k = 0; k < rec.length; k += 2) {
        const o = ((rec[k + 1] as number) - a.firstOutput) / a.stride;
        for (let j = outputStart[o] as number; j < (outputStart[o + 1] as number); j++) {
          const s = this.slot(outputIds[j] as number);
          ends[(fill[s] as number)++] = rec[k] as number;
        }
      }
    }
    return { start, ends };
  }
}

/**
 * Groups of non-ASCII scripts, each with its own automaton: one automaton over every script has a
 * column per distinct character in every row (hundreds of CJK characters times thousands of states,
 * megabytes), while a text usually holds one or two of them. A keyword goes to the group of its first
 * non-ASCII character, and a text runs only the groups it has characters of.
 */
const SCRIPT_GROUPS = 6;
function scriptGroup(c: number): number {
  if (c < 0x80) return -1;
  if (c >= 0x0400 && c <= 0x052f) return 1; // Cyrillic
  if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 2; // Hebrew, Arabic, Persian
  if (c >= 0x0900 && c <= 0x0e7f) return 3; // Indic scripts and Thai
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) return 4; // CJK, kana, Hangul
  if (c >= 0x0370 && c <= 0x03ff) return 5; // Greek
  return 0; // Latin with diacritics, punctuation, everything else
}
/** scriptGroup of every UTF-16 code unit, plus one (0: ASCII), built on first use: one load per character. */
let groupTable: Uint8Array | undefined;
function groupsOf(text: string): number {
  if (groupTable === undefined) {
    groupTable = new Uint8Array(65536);
    for (let c = 0x80; c < 65536; c++) groupTable[c] = scriptGroup(c) + 1;
  }
  const table = groupTable;
  let present = 0;
  for (let i = 0; i < text.length; i++) present |= 1 << (table[text.charCodeAt(i)] as number);
  return present >> 1;
}
const firstGroup = (k: string): number => {
  for (let i = 0; i < k.length; i++) {
    const g = scriptGroup(k.charCodeAt(i));
    if (g >= 0) return g;
  }
  return -1;
};

export class KeywordSet {
  /** The distinct keywords; a keyword's id is its index here. */
  readonly keywords: readonly string[];
  private readonly ascii: Automaton;
  /** Automata of non-ASCII keywords, by script group (undefined: no keyword in that group). */
  private readonly others: Array<Automaton | undefined>;
  private readonly longestAscii: number;

  /** @param keywords non-empty strings, matched case-sensitively (callers lowercase both sides). */
  constructor(keywords: Iterable<string>) {
    const unique = [...new Set(keywords)];
    for (const k of unique) if (k.length === 0) throw new Error('KeywordSet: keywords must be non-empty');
    this.keywords = unique;
    const isAscii = (k: string): boolean => /^[\x00-\x7f]*$/.test(k);
    const asciiIds = unique.flatMap((k, i) => (isAscii(k) ? [i] : []));
    this.ascii = compile(asciiIds.map((i) => unique[i] as string), asciiIds, true);
    this.others = Array.from({ length: SCRIPT_GROUPS }, (_, g) => {
      const ids = unique.flatMap((k, i) => (!isAscii(k) && firstGroup(k) === g ? [i] : []));
      return ids.length > 0 ? compile(ids.map((i) => unique[i] as string), ids, false) : undefined;
    });
    this.longestAscii = Math.max(0, ...asciiIds.map((i) => (unique[i] as string).length));
  }

  /** Every keyword occurrence in `text`. */
  scan(text: string): KeywordHits {
    if (text.length === 0 || this.keywords.length === 0) return NO_HITS;
    const bytes = asciiBytes(text);
    // Keywords with a non-ASCII character cannot occur in ASCII text.
    if (bytes !== undefined) {
      const rec = scanBytes(this.ascii, bytes, text.length, this.longestAscii);
      return rec.length === 0 ? NO_HITS : new Hits([[this.ascii, rec]]);
    }
    const groups: Array<readonly [Automaton, Records]> = [[this.ascii, scanUnits(this.ascii, text)]];
    const present = groupsOf(text);
    for (let g = 0; g < SCRIPT_GROUPS; g++) {
      const a = this.others[g];
      if (a !== undefined && present & (1 << g)) groups.push([a, scanUnits(a, text)]);
    }
    return new Hits(groups);
  }

  /** The distinct keywords that occur in `text`. */
  present(text: string): Set<string> {
    return new Set(this.scan(text).ids.map((id) => this.keywords[id] as string));
  }
}
