/**
 * @fileoverview Running a detection regex only where it can match. On a large benign text most
 * patterns match nowhere, yet V8 tries them at every position: tens of microseconds per 10 KB per
 * pattern. A plan, derived once from the regex source, says which literal strings every match
 * contains (its anchors, each with the range of offsets it can have from the match start) and how
 * far around its start a match attempt reads. Given where the anchors occur (one automaton pass,
 * see keyword-set.ts), the regex is executed only on short slices around them.
 *
 * Exactness: a match starts only where one of its anchors can be; an attempt at such a position
 * reads only characters inside its slice, so it succeeds or fails exactly as on the whole text; and
 * the search still goes left to right from where the previous match ended. So the matches are the
 * same, in the same order, as `exec` over the whole text (test/analysis/regex-plan.test.ts checks
 * this on the detection tables). The plan comes from a small parser of the regex syntax the tables
 * use; anything it does not understand (back-references, empty matches, unbounded repetition
 * without a literal, …) gives no plan, and the regex then runs over the whole text as before.
 */

/** A literal that every match (of one alternative) contains, `min`..`max` code units after the match start. */
export interface Anchor {
  literal: string;
  min: number;
  max: number;
}

export interface RegexPlan {
  /** Every match contains at least one of these at an offset in its range. */
  anchors: readonly Anchor[];
  /** Code units an attempt may read at or after its start position (Infinity when unbounded). */
  ahead: number;
  /** Code units an attempt may read before its start position. */
  behind: number;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

type Node =
  | { t: 'lit'; s: string }
  /** One character of a class (or `.`): 1 code unit, or 1–2 with the u flag. */
  | { t: 'any'; max: number }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'look'; behind: boolean; node: Node }
  /** \b, \B, ^, $: zero-width, reads the characters on both sides. */
  | { t: 'edge' };

class Unsupported extends Error {}

const hexValue = (s: string): number => (/^[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : NaN);

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return node;
  }

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private alternation(): Node {
    const alts: Node[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      items.push(q === undefined ? atom : { t: 'rep', node: atom, min: q[0], max: q[1] });
    }
    return { t: 'seq', items };
  }

  private quantifier(): [number, number] | undefined {
    const c = this.peek();
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q !== undefined) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) return undefined; // a literal "{" (outside u mode), read as an atom
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
      this.i += m[0].length;
    } else return undefined;
    if (this.peek() === '?') this.i++; // lazy: same lengths
    return q;
  }

  private atom(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return { t: 'any', max: this.unicode ? 2 : 1 };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'edge' };
    }
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === ']' || c === '}' || (c === '{' && this.unicode)) throw new Unsupported(`stray ${c}`);
    const cp = this.src.codePointAt(this.i) as number;
    const s = this.unicode ? String.fromCodePoint(cp) : c;
    this.i += s.length;
    return { t: 'lit', s };
  }

  private group(): Node {
    const rest = this.src.slice(this.i, this.i + 4);
    let look: { behind: boolean } | undefined;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      look = { behind: false };
      this.i += 3;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      look = { behind: true };
      this.i += 4;
    } else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Unsupported('bad group name');
      this.i = close + 1;
    } else if (rest.startsWith('(?')) throw new Unsupported('group modifier');
    else this.i += 1;
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.i++;
    return look === undefined ? inner : { t: 'look', behind: look.behind, node: inner };
  }

  /** `[...]`: up to 8 literal characters become an alternation of literals, anything else one character. */
  private charClass(): Node {
    this.i++;
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars: string[] = [];
    let simple = !negated;
    while (this.i < this.src.length && this.peek() !== ']') {
      if (this.peek() === '\\') {
        const e = this.escape();
        if (e.t === 'lit') chars.push(e.s);
        else simple = false;
      } else {
        const cp = this.src.codePointAt(this.i) as number;
        const s = this.unicode ? String.fromCodePoint(cp) : (this.src[this.i] as string);
        this.i += s.length;
        if (s === '-' && chars.length > 0 && this.peek() !== ']') simple = false; // a range
        chars.push(s);
      }
    }
    if (this.peek() !== ']') throw new Unsupported('unclosed class');
    this.i++;
    if (simple && chars.length >= 1 && chars.length <= 8) return chars.length === 1 ? { t: 'lit', s: chars[0] as string } : { t: 'alt', alts: chars.map((s) => ({ t: 'lit', s })) };
    return { t: 'any', max: this.unicode ? 2 : 1 };
  }

  private escape(): Node {
    this.i++;
    const c = this.peek();
    this.i++;
    const any: Node = { t: 'any', max: this.unicode ? 2 : 1 };
    if ('dDwWsS'.includes(c)) return any;
    if (c === 'b' || c === 'B') return { t: 'edge' };
    if ((c === 'p' || c === 'P') && this.unicode) {
      const close = this.src.indexOf('}', this.i);
      if (this.peek() !== '{' || close < 0) throw new Unsupported('bad property escape');
      this.i = close + 1;
      return any;
    }
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f' };
    if (named[c] !== undefined) return { t: 'lit', s: named[c] };
    if (c === '0' && !/[0-9]/.test(this.peek())) return { t: 'lit', s: '\0' };
    if (c === 'x') {
      const v = hexValue(this.src.slice(this.i, this.i + 2));
      if (Number.isNaN(v)) throw new Unsupported('bad \\x');
      this.i += 2;
      return { t: 'lit', s: String.fromCharCode(v) };
    }
    if (c === 'u') {
      let v: number;
      if (this.peek() === '{' && this.unicode) {
        const close = this.src.indexOf('}', this.i);
        v = hexValue(this.src.slice(this.i + 1, close));
        this.i = close + 1;
      } else {
        v = hexValue(this.src.slice(this.i, this.i + 4));
        this.i += 4;
      }
      if (Number.isNaN(v) || (v >= 0xd800 && v <= 0xdfff)) throw new Unsupported('bad or surrogate \\u');
      return { t: 'lit', s: String.fromCodePoint(v) };
    }
    if (/[0-9ck]/.test(c) || c === '') throw new Unsupported(`escape \\${c}`);
    return { t: 'lit', s: c };
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

interface Facts {
  minLen: number;
  maxLen: number;
  ahead: number;
  behind: number;
  /** undefined: some match of this node contains no known literal. */
  anchors: Anchor[] | undefined;
  /** Every string the node can match, when there are few (zero-width assertions match ""). */
  strings: string[] | undefined;
}

/** Most strings kept for one node (`gh[pousr]_` is 5, `https?|ftp|wss?|sftp` is 6). */
const MAX_STRINGS = 64;

function product(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined || b === undefined || a.length * b.length > MAX_STRINGS) return undefined;
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

/** Nested sequences read as one. */
function flatten(items: readonly Node[]): Node[] {
  return items.flatMap((item) => (item.t === 'seq' ? flatten(item.items) : [item]));
}

/** Rough cost of windows around a set of anchors: short literals occur often, whitespace-only ones everywhere. */
function cost(anchors: readonly Anchor[]): number {
  let c = 0;
  for (const a of anchors) c += (/^[\s\p{P}\p{S}]*$/u.test(a.literal) ? 64 : 1) * 4 ** -a.literal.length * (1 + (a.max - a.min) / 64);
  return c;
}

const shift = (anchors: readonly Anchor[], lo: number, hi: number): Anchor[] => anchors.map((a) => ({ literal: a.literal, min: a.min + lo, max: a.max + hi }));

/** a × b for lengths, where an empty repetition of an unbounded part is still empty. */
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

function fromStrings(strings: readonly string[] | undefined, literal: (s: string) => string | undefined): Anchor[] | undefined {
  if (strings === undefined || strings.some((x) => x.length === 0)) return undefined;
  const out: Anchor[] = [];
  for (const x of strings) {
    const l = literal(x);
    if (l === undefined) return undefined;
    out.push({ literal: l, min: 0, max: 0 });
  }
  return out;
}

function facts(node: Node, literal: (s: string) => string | undefined): Facts {
  switch (node.t) {
    case 'lit':
      return { minLen: node.s.length, maxLen: node.s.length, ahead: node.s.length, behind: 0, anchors: fromStrings([node.s], literal), strings: [node.s] };
    case 'any':
      return { minLen: 1, maxLen: node.max, ahead: node.max, behind: 0, anchors: undefined, strings: undefined };
    case 'edge':
      return { minLen: 0, maxLen: 0, ahead: 1, behind: 1, anchors: undefined, strings: [''] };
    case 'look': {
      const f = facts(node.node, literal);
      const behind = node.behind ? f.maxLen + f.behind : f.behind;
      return { minLen: 0, maxLen: 0, ahead: f.ahead, behind, anchors: undefined, strings: [''] };
    }
    case 'alt': {
      const fs = node.alts.map((a) => facts(a, literal));
      const anchors = fs.every((f) => f.anchors !== undefined) ? fs.flatMap((f) => f.anchors as Anchor[]) : undefined;
      const strings = fs.every((f) => f.strings !== undefined) ? [...new Set(fs.flatMap((f) => f.strings as string[]))] : undefined;
      return {
        minLen: Math.min(...fs.map((f) => f.minLen)),
        maxLen: Math.max(...fs.map((f) => f.maxLen)),
        ahead: Math.max(...fs.map((f) => f.ahead)),
        behind: Math.max(...fs.map((f) => f.behind)),
        anchors,
        strings: strings !== undefined && strings.length <= MAX_STRINGS ? strings : undefined,
      };
    }
    case 'rep': {
      const f = facts(node.node, literal);
      if (node.max === 0) return { minLen: 0, maxLen: 0, ahead: 0, behind: 0, anchors: undefined, strings: [''] };
      let strings: string[] | undefined;
      if (node.max <= 2 && f.strings !== undefined) {
        const once = f.strings;
        const twice = product(once, once);
        strings = [...new Set([...(node.min === 0 ? [''] : []), ...(node.min <= 1 ? once : []), ...(node.max === 2 ? (twice ?? []) : [])])];
        if (node.max === 2 && twice === undefined) strings = undefined;
      }
      return {
        minLen: times(node.min, f.minLen),
        maxLen: times(node.max, f.maxLen),
        ahead: times(node.max - 1, f.maxLen) + f.ahead,
        behind: f.behind,
        // The first repetition starts where the node does: its anchors are the node's.
        anchors: node.min >= 1 ? f.anchors : undefined,
        strings,
      };
    }
    case 'seq': {
      const items = flatten(node.items);
      const fs = items.map((item) => facts(item, literal));
      // Offsets of each item from the start of the sequence.
      const lo: number[] = [0];
      const hi: number[] = [0];
      fs.forEach((f, i) => {
        lo.push((lo[i] as number) + f.minLen);
        hi.push((hi[i] as number) + f.maxLen);
      });
      let ahead = 0;
      let behind = 0;
      let best: Anchor[] | undefined;
      const consider = (anchors: Anchor[] | undefined, i: number): void => {
        if (anchors === undefined) return;
        const shifted = shift(anchors, lo[i] as number, hi[i] as number);
        if (best === undefined || cost(shifted) < cost(best)) best = shifted;
      };
      fs.forEach((f, i) => {
        ahead = Math.max(ahead, (hi[i] as number) + f.ahead);
        behind = Math.max(behind, f.behind - (lo[i] as number));
        consider(f.anchors, i);
        // Runs of items with few strings each, read together: `http` `s?` `://` gives `http://`, `https://`.
        let run: string[] | undefined = f.strings;
        for (let j = i + 1; j < fs.length && run !== undefined; j++) {
          run = product(run, fs[j]?.strings);
          consider(fromStrings(run, literal), i);
        }
      });
      let strings: string[] | undefined = [''];
      for (const f of fs) strings = product(strings, f.strings);
      return { minLen: lo[fs.length] as number, maxLen: hi[fs.length] as number, ahead, behind, anchors: best, strings };
    }
  }
}

/**
 * The plan of `re`, or undefined when the regex is outside what the parser understands, can
 * match the empty string, or has an alternative without a literal.
 * @param lowercased anchors are looked up in the lowercased text while `re` runs on the original
 *   (secrets): only ASCII literals can then serve, lowercased, and the text's lowercasing must keep
 *   its length (callers check). With the `i` flag the same holds whatever the text.
 */
export function planRegex(re: RegExp, lowercased = false): RegexPlan | undefined {
  // Planned execution relies on lastIndex (global, not sticky). With i and u, "ſ" matches "s" but
  // does not lowercase to it, so no literal is certain; the v flag's syntax is not parsed here.
  if (!re.global || re.sticky || re.flags.includes('v') || (re.ignoreCase && re.unicode)) return undefined;
  const fold = lowercased || re.flags.includes('i');
  const literal = (s: string): string | undefined => (!fold ? s : /^[\x00-\x7f]+$/.test(s) ? s.toLowerCase() : undefined);
  let f: Facts;
  try {
    f = facts(new Parser(re.source, re.flags.includes('u')).parse(), literal);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  if (f.anchors === undefined || f.minLen === 0) return undefined;
  return { anchors: simplify(f.anchors), ahead: f.ahead, behind: f.behind };
}

/**
 * Fewer, shorter literals for the same windows: one entry per literal (offset ranges joined), and
 * none that starts with another anchor whose range covers its own ("sending" under "send").
 */
function simplify(anchors: readonly Anchor[]): Anchor[] {
  const byLiteral = new Map<string, Anchor>();
  for (const a of anchors) {
    const b = byLiteral.get(a.literal);
    byLiteral.set(a.literal, b === undefined ? { ...a } : { literal: a.literal, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) });
  }
  const all = [...byLiteral.values()];
  return all.filter((a) => !all.some((b) => b !== a && a.literal.startsWith(b.literal) && b.min <= a.min && b.max >= a.max));
}

/** Ascending end offsets of the occurrences of several literals, given each literal's ascending list. */
export function mergeEnds(lists: ReadonlyArray<readonly number[]>): ArrayLike<number> {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  let n = 0;
  for (const l of nonEmpty) n += l.length;
  const out = new Int32Array(n);
  let k = 0;
  for (const l of nonEmpty) for (const e of l) out[k++] = e;
  return out.sort();
}

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

/** Gaps shorter than this between two windows are searched through rather than sliced again. */
const MERGE_GAP = 48;

/**
 * Start positions where a match can begin, as merged [from, to] windows in text order.
 * @param ends ascending end offsets (exclusive) of occurrences of the plan's anchor literals
 */
export function candidateWindows(plan: RegexPlan, ends: ArrayLike<number>, length: number): number[] {
  // One window width for all anchors (a superset of each anchor's own), so windows come in the order of `ends`.
  let lo = Infinity;
  let hi = 0;
  for (const a of plan.anchors) {
    lo = Math.min(lo, a.literal.length + a.min);
    hi = Math.max(hi, a.literal.length + a.max);
  }
  const out: number[] = [];
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k] as number;
    const from = Math.max(0, e - hi);
    const to = Math.min(length - 1, e - lo);
    if (to < from) continue;
    const n = out.length;
    if (n > 0 && from <= (out[n - 1] as number) + MERGE_GAP) out[n - 1] = Math.max(out[n - 1] as number, to);
    else out.push(from, to);
  }
  return out;
}

/**
 * Calls `onMatch` for each match of the global regex `re` in `text`, in order, exactly as repeated
 * `re.exec(text)` from lastIndex 0 would find them (the plan guarantees no empty match), trying
 * only starts inside `windows` (see candidateWindows). `onMatch` gets the match and the offset of
 * the string it was found in (add it to `index` and to `indices`); returning false stops.
 * Leaves `re.lastIndex` at 0.
 */
export function forEachPlannedMatch(re: RegExp, text: string, plan: RegexPlan, windows: readonly number[], onMatch: (m: RegExpExecArray, offset: number) => boolean): void {
  let pos = 0;
  try {
    for (let w = 0; w < windows.length; w += 2) {
      const to = windows[w + 1] as number;
      if (to < pos) continue;
      const from = alignStart(text, Math.max(windows[w] as number, pos));
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
  }
}
