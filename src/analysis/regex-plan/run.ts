/**
 * @fileoverview Running a regex with its plan: the windows around the anchors' occurrences, and
 * the matches in them, the same and in the same order as over the whole text (see regex-plan.ts).
 */
import type { Anchor, Neighbour, RegexPlan } from './types.js';

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair (backwards), so a slice never splits a character. */
function alignStart(text: string, at: number): number {
  return at > 0 && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at - 1 : at;
}
function alignEnd(text: string, at: number): number {
  return at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at + 1 : at;
}

/** Whether a character (code unit `c`, at `at` in `text`) is one of a neighbour's atoms. */
type CharTest = (text: string, at: number, c: number) => boolean;

const charTests = new Map<string, CharTest>();

/** A neighbour's atoms compiled once per flags: a table for Latin-1, the regex (sticky) beyond. */
function charTest(n: Neighbour, flags: string): CharTest {
  const f = [...new Set(flags.replace(/[gydm]/g, ''))].join('');
  const key = `${f}\u0000${n.atoms.join('\u0000')}`;
  let test = charTests.get(key);
  if (test === undefined) {
    const re = new RegExp(n.atoms.length === 0 ? '(?!)' : `(?:${n.atoms.join('|')})`, `${f}y`);
    const latin1 = new Uint8Array(256);
    for (let c = 0; c < 256; c++) {
      re.lastIndex = 0;
      latin1[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
    }
    test = (text, at, c) => {
      if (c < 256) return latin1[c] === 1;
      re.lastIndex = at;
      return re.test(text);
    };
    charTests.set(key, test);
  }
  return test;
}

interface NeighbourTests {
  before: CharTest | undefined;
  after: CharTest | undefined;
}
const planTests = new WeakMap<RegexPlan, NeighbourTests[]>();

/** The compiled neighbour checks of each anchor of a plan (built on first use). */
function neighbourTests(re: RegExp, plan: RegexPlan): NeighbourTests[] {
  let tests = planTests.get(plan);
  if (tests === undefined) {
    tests = plan.anchors.map((a) => ({ before: a.before === undefined ? undefined : charTest(a.before, re.flags), after: a.after === undefined ? undefined : charTest(a.after, re.flags) }));
    planTests.set(plan, tests);
  }
  return tests;
}

/** Window bounds packed in one number (start × 2^22 + width) so a typed array sorts them natively. */
const WIDTH_BITS = 2 ** 22;

const NO_WINDOWS: number[] = [];

/**
 * Where windowsOf packs its windows before merging them: a frequent anchor has hundreds of
 * occurrences per segment, and a fresh array for each pattern was a tenth of what the gateway
 * allocated per 100 KB result. Kept up to MAX_PACKED entries.
 */
const MAX_PACKED = 1 << 15;
let packedScratch = new Float64Array(1024);
function packedBuffer(n: number): Float64Array {
  if (n <= packedScratch.length) return packedScratch;
  const buf = new Float64Array(n);
  if (n <= MAX_PACKED) packedScratch = buf;
  return buf;
}

/** Sorts packed windows and merges those that overlap or touch into [from, to] pairs. */
function mergePacked(packed: Float64Array, n: number, sorted: boolean): number[] {
  const list = sorted ? packed.subarray(0, n) : packed.subarray(0, n).sort();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = list[i] as number;
    const from = Math.floor(v / WIDTH_BITS);
    const to = from + (v % WIDTH_BITS);
    const last = out.length - 1;
    if (last > 0 && from <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, to);
    else out.push(from, to);
  }
  return out;
}

/** The windows around the occurrences of anchors `which` (indices into plan.anchors) whose neighbours fit. */
function windowsOf(plan: RegexPlan, tests: readonly NeighbourTests[], which: readonly number[], text: string, ends: ReadonlyArray<ArrayLike<number>>): number[] {
  let total = 0;
  for (const k of which) total += ends[k]?.length ?? 0;
  if (total === 0) return NO_WINDOWS;
  const packed = packedBuffer(total);
  let n = 0;
  let lists = 0;
  for (const k of which) {
    const a = plan.anchors[k] as Anchor;
    const list = ends[k];
    if (list === undefined || list.length === 0) continue;
    lists++;
    const { before, after } = tests[k] as NeighbourTests;
    const len = a.literal.length;
    for (let x = 0; x < list.length; x++) {
      const e = list[x] as number;
      if (after !== undefined && !(e >= text.length ? (a.after as Neighbour).edge : after(text, e, text.charCodeAt(e)))) continue;
      const q = e - len;
      if (before !== undefined) {
        if (q <= 0) {
          if (!(a.before as Neighbour).edge) continue;
        } else {
          const c = text.charCodeAt(q - 1);
          // Half of a surrogate pair is not a character of its own: let the regex decide.
          if (!(c >= 0xd800 && c <= 0xdfff) && !before(text, q - 1, c)) continue;
        }
      }
      const from = Math.max(0, q - a.max);
      const to = Math.min(text.length - 1, q - a.min);
      if (to >= from) packed[n++] = from * WIDTH_BITS + (to - from);
    }
  }
  // One anchor's occurrences come in text order, and so do its windows.
  return mergePacked(packed, n, lists <= 1);
}

/** The positions in both lists of windows. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i] as number, b[j] as number);
    const to = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (from <= to) out.push(from, to);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** A plan's anchors by clause and group (indices into plan.anchors). */
const planClauses = new WeakMap<RegexPlan, number[][][]>();
function clausesOf(plan: RegexPlan): number[][][] {
  let clauses = planClauses.get(plan);
  if (clauses === undefined) {
    const built: number[][][] = [];
    plan.anchors.forEach((a, k) => {
      const groups = (built[a.clause] ??= []);
      (groups[a.group] ??= []).push(k);
    });
    clauses = built;
    planClauses.set(plan, clauses);
  }
  return clauses;
}

/**
 * Start positions where a match can begin, as merged [from, to] windows in text order: for each
 * clause, the starts allowed by an occurrence of an anchor of each of its groups (whose
 * neighbours in `text` fit).
 * @param re the regex (its flags say how to read the neighbours' atoms)
 * @param text the text the regex runs on
 * @param ends for each anchor of the plan (same order), the ascending end offsets of its literal's occurrences
 */
export function candidateWindows(re: RegExp, plan: RegexPlan, text: string, ends: ReadonlyArray<ArrayLike<number>>): number[] {
  const tests = neighbourTests(re, plan);
  const clauses = clausesOf(plan);
  const parts: number[][] = [];
  for (const groups of clauses) {
    let w = windowsOf(plan, tests, groups[0] ?? [], text, ends);
    for (let g = 1; g < groups.length && w.length > 0; g++) w = intersect(w, windowsOf(plan, tests, groups[g] ?? [], text, ends));
    if (w.length > 0) parts.push(w);
  }
  if (parts.length <= 1) return parts[0] ?? NO_WINDOWS;
  let total = 0;
  for (const w of parts) total += w.length >> 1;
  const packed = packedBuffer(total);
  let n = 0;
  for (const w of parts) for (let i = 0; i < w.length; i += 2) packed[n++] = (w[i] as number) * WIDTH_BITS + ((w[i + 1] as number) - (w[i] as number));
  return mergePacked(packed, n, false);
}

/**
 * Rough costs (ns) that decide how a window is searched: a sticky exec at one start, a slice and
 * exec, and each position an exec scans past. A slice spans the window plus the plan's reach,
 * and the engine tries every start in it.
 */
const STICKY_COST = 20;
const SLICE_COST = 200;
const SCAN_COST = 1.5;

/** Windows up to this many positions wide are tried start by start. */
function stickyWidth(plan: RegexPlan): number {
  // Unbounded reads: the alternative is an exec over the rest of the text.
  if (!Number.isFinite(plan.ahead)) return 64;
  return Math.max(8, (SLICE_COST + SCAN_COST * (plan.ahead + plan.behind)) / (STICKY_COST - SCAN_COST));
}

const stickyClones = new WeakMap<RegExp, RegExp>();

/** `re` with the sticky flag: one exec tries exactly one start position, on the whole text. */
function sticky(re: RegExp): RegExp {
  let s = stickyClones.get(re);
  if (s === undefined) {
    s = new RegExp(re.source, `${re.flags}y`);
    stickyClones.set(re, s);
  }
  return s;
}

/**
 * Calls `onMatch` for each match of the global regex `re` in `text`, in order, exactly as repeated
 * `re.exec(text)` from lastIndex 0 would find them (the plan guarantees no empty match), trying
 * only starts inside `windows` (see candidateWindows). A narrow window is tried start by start
 * (a sticky exec is the same attempt the global search makes there); a wide one on a slice (see
 * the file overview). `onMatch` gets the match and the offset of the string it was found in (add
 * it to `index` and to `indices`); returning false stops. Leaves `re.lastIndex` at 0.
 */
export function forEachPlannedMatch(re: RegExp, text: string, plan: RegexPlan, windows: readonly number[], onMatch: (m: RegExpExecArray, offset: number) => boolean): void {
  let pos = 0;
  const one = sticky(re);
  const narrow = stickyWidth(plan);
  try {
    for (let w = 0; w < windows.length; w += 2) {
      const to = windows[w + 1] as number;
      if (to < pos) continue;
      const from = alignStart(text, Math.max(windows[w] as number, pos));
      if (to - from < narrow) {
        for (let at = from; at <= to; at++) {
          // With the u flag the search steps over whole surrogate pairs: never starts inside one.
          if (re.unicode && at > 0 && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) continue;
          one.lastIndex = at;
          const m = one.exec(text);
          if (m === null) continue;
          if (!onMatch(m, 0)) return;
          pos = m.index + m[0].length;
          at = pos - 1;
        }
        continue;
      }
      if (!Number.isFinite(plan.ahead)) {
        // Unbounded reads: search the whole text from here; the leftmost match is the next one.
        re.lastIndex = from;
        const m = re.exec(text);
        if (m === null) return;
        if (!onMatch(m, 0)) return;
        pos = m.index + m[0].length;
        w -= 2; // the same window may hold more matches
        continue;
      }
      // An attempt at `from`..`to` reads [start - behind, start + ahead): all inside the slice.
      // One more character each side keeps ^, $ and \b at the slice edges from seeing an edge.
      const sliceStart = alignStart(text, Math.max(0, from - plan.behind - 1));
      const sliceEnd = alignEnd(text, Math.min(text.length, to + plan.ahead + 1));
      const sub = sliceStart === 0 && sliceEnd === text.length ? text : text.slice(sliceStart, sliceEnd);
      re.lastIndex = from - sliceStart;
      for (;;) {
        const m = re.exec(sub);
        // A match starting past `to` is not trusted here (its attempt may read past the slice).
        if (m === null || m.index + sliceStart > to) break;
        if (!onMatch(m, sliceStart)) return;
        pos = m.index + sliceStart + m[0].length;
        if (pos > to) break;
      }
    }
  } finally {
    re.lastIndex = 0;
    one.lastIndex = 0;
  }
}
