/**
 * @fileoverview Running a detection regex only where it can match. On a large benign text most
 * patterns match nowhere, yet V8 tries them at every position: tens of microseconds per 10 KB per
 * pattern. A plan, derived once from the regex source, says which literal strings every match
 * contains (its anchors, each with the range of offsets it can have from the match start) and how
 * far around its start a match attempt reads. Given where the anchors occur (one automaton pass,
 * see keyword-set.ts), the regex is executed only on short slices around them. An anchor may also
 * say which characters can stand right before or after it in a match (`report` in `\breport\s`
 * needs a blank after it), so occurrences inside other words open no window.
 *
 * Exactness: a match starts only where one of its anchors can be; an attempt at such a position
 * reads only characters inside its slice, so it succeeds or fails exactly as on the whole text; and
 * the search still goes left to right from where the previous match ended. So the matches are the
 * same, in the same order, as `exec` over the whole text (test/analysis/regex-plan.test.ts checks
 * this on the detection tables). The plan comes from a small parser of the regex syntax the tables
 * use; anything it does not understand (back-references, empty matches, unbounded repetition
 * without a literal, …) gives no plan, and the regex then runs over the whole text as before.
 */

/** What may stand next to an anchor in a match: one of some characters, or the edge of the text. */
export interface Neighbour {
  /** Regex sources of one-character atoms (`\\s`, `[:：]`, `a`). */
  atoms: readonly string[];
  /** The start (before) or end (after) of the text. */
  edge: boolean;
}

/** A literal that every match (of one alternative) contains, `min`..`max` code units after the match start. */
export interface Anchor {
  literal: string;
  min: number;
  max: number;
  /** What must precede / follow the literal in such a match (absent: anything). */
  before?: Neighbour;
  after?: Neighbour;
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
  /** One character of a class (or `.`): 1 code unit, or 1–2 with the u flag. `src` is its regex source. */
  | { t: 'any'; max: number; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'look'; behind: boolean; node: Node }
  /** \b, \B, ^, $: zero-width, reads the characters on both sides. */
  | { t: 'edge'; kind: 'b' | 'B' | '^' | '$' };

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
      const last = items[items.length - 1];
      // Adjacent literal characters are one literal (a quantifier binds to its own atom only).
      if (q === undefined && atom.t === 'lit' && last !== undefined && last.t === 'lit') items[items.length - 1] = { t: 'lit', s: last.s + atom.s };
      else items.push(q === undefined ? atom : { t: 'rep', node: atom, min: q[0], max: q[1] });
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
      return { t: 'any', max: this.unicode ? 2 : 1, src: '.' };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'edge', kind: c };
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
    const from = this.i;
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
    return { t: 'any', max: this.unicode ? 2 : 1, src: this.src.slice(from, this.i) };
  }

  private escape(): Node {
    const from = this.i;
    this.i++;
    const c = this.peek();
    this.i++;
    const max = this.unicode ? 2 : 1;
    if ('dDwWsS'.includes(c)) return { t: 'any', max, src: `\\${c}` };
    if (c === 'b' || c === 'B') return { t: 'edge', kind: c };
    if ((c === 'p' || c === 'P') && this.unicode) {
      const close = this.src.indexOf('}', this.i);
      if (this.peek() !== '{' || close < 0) throw new Unsupported('bad property escape');
      this.i = close + 1;
      return { t: 'any', max, src: this.src.slice(from, this.i) };
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

/** What surrounds a node inside the match (undefined: anything, e.g. the match may end there). */
interface Context {
  before: Neighbour | undefined;
  after: Neighbour | undefined;
}

/** The characters a node can begin (or end) with, and whether it can consume nothing. */
interface Ends extends Neighbour {
  nullable: boolean;
}

/** Most strings kept for one node (`gh[pousr]_` is 5, `https?|ftp|wss?|sftp` is 6). */
const MAX_STRINGS = 64;

/** Line terminators: what ^ and $ see next to them in multiline mode. */
const LINE_END = '[\\n\\r\\u2028\\u2029]';
/** What \b sees across a word character (no plan is made with both i and u, so \w is ASCII). */
const NON_WORD = '[^A-Za-z0-9_]';
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
const escapeAtom = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function product(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined || b === undefined || a.length * b.length > MAX_STRINGS) return undefined;
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

/** Nested sequences read as one, adjacent literals as one literal (`a`,`b`,`c` → `abc`). */
function flatten(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const item of items) {
    for (const p of item.t === 'seq' ? flatten(item.items) : [item]) {
      const last = out[out.length - 1];
      if (p.t === 'lit' && last !== undefined && last.t === 'lit') out[out.length - 1] = { t: 'lit', s: last.s + p.s };
      else out.push(p);
    }
  }
  return out;
}

/**
 * Rough cost of windows around a set of anchors: short literals occur often, whitespace-only ones
 * everywhere; a required neighbour (a blank after `report`) keeps most occurrences out.
 */
function cost(anchors: readonly Anchor[], spread = 0): number {
  let c = 0;
  for (const a of anchors) {
    const neighbours = (a.before === undefined ? 1 : 0.3) * (a.after === undefined ? 1 : 0.3);
    c += literalCost(a.literal) * neighbours * (1 + (a.max - a.min + spread) / 64);
  }
  return c;
}

const literalCosts = new Map<string, number>();
function literalCost(literal: string): number {
  let c = literalCosts.get(literal);
  if (c === undefined) {
    c = (/^[\s\p{P}\p{S}]*$/u.test(literal) ? 64 : 1) * 4 ** -literal.length;
    literalCosts.set(literal, c);
  }
  return c;
}

/** Runs of literal items are not extended past this length: longer literals are rare enough. */
const ENOUGH_LITERAL = 12;

const shift = (anchors: readonly Anchor[], lo: number, hi: number): Anchor[] => anchors.map((a) => ({ ...a, min: a.min + lo, max: a.max + hi }));

/** a × b for lengths, where an empty repetition of an unbounded part is still empty. */
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

function union(a: Neighbour | undefined, b: Neighbour | undefined): Neighbour | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { atoms: [...new Set([...a.atoms, ...b.atoms])], edge: a.edge || b.edge };
}

const firstEnds = new WeakMap<Node, Ends>();
const lastEnds = new WeakMap<Node, Ends>();

/** The characters `node` can start (first) or end (last) with (memoised: sequences ask for their items' again and again). */
function ends(node: Node, side: 'first' | 'last', multiline: boolean): Ends {
  const memo = side === 'first' ? firstEnds : lastEnds;
  let e = memo.get(node);
  if (e === undefined) {
    e = computeEnds(node, side, multiline);
    memo.set(node, e);
  }
  return e;
}

function computeEnds(node: Node, side: 'first' | 'last', multiline: boolean): Ends {
  switch (node.t) {
    case 'lit': {
      const cps = [...node.s];
      return { atoms: [escapeAtom((side === 'first' ? cps[0] : cps[cps.length - 1]) ?? '')], edge: false, nullable: false };
    }
    case 'any':
      return { atoms: [node.src], edge: false, nullable: false };
    case 'edge':
      // `$` is followed, and `^` preceded, by a line end (multiline) or the edge of the text.
      if ((node.kind === '$' && side === 'first') || (node.kind === '^' && side === 'last')) return { atoms: multiline ? [LINE_END] : [], edge: true, nullable: false };
      return { atoms: [], edge: false, nullable: true };
    case 'look':
      return { atoms: [], edge: false, nullable: true };
    case 'alt': {
      const es = node.alts.map((a) => ends(a, side, multiline));
      return { atoms: [...new Set(es.flatMap((e) => e.atoms))], edge: es.some((e) => e.edge), nullable: es.some((e) => e.nullable) };
    }
    case 'rep': {
      if (node.max === 0) return { atoms: [], edge: false, nullable: true };
      const e = ends(node.node, side, multiline);
      return { ...e, nullable: e.nullable || node.min === 0 };
    }
    case 'seq': {
      const items = side === 'first' ? node.items : [...node.items].reverse();
      return through(items.map((item) => ends(item, side, multiline)), { atoms: [], edge: false }) ?? { atoms: [], edge: false, nullable: true };
    }
  }
}

/**
 * What stands next to a point given the ends of the items that follow it (nearest first) and,
 * when they can all be empty, what follows the enclosing node (`outer`). Returns Ends with
 * nullable set when `outer` was needed and is a Neighbour, undefined when it was needed and unknown.
 */
function through(items: readonly Ends[], outer: Neighbour | undefined): Ends | undefined {
  const atoms = new Set<string>();
  let edge = false;
  for (const e of items) {
    for (const a of e.atoms) atoms.add(a);
    edge ||= e.edge;
    if (!e.nullable) return { atoms: [...atoms], edge, nullable: false };
  }
  if (outer === undefined) return undefined;
  for (const a of outer.atoms) atoms.add(a);
  return { atoms: [...atoms], edge: edge || outer.edge, nullable: true };
}

const neighbour = (e: Ends | undefined): Neighbour | undefined => (e === undefined ? undefined : { atoms: e.atoms, edge: e.edge });

/** The ends of a nullable item joined with what lies beyond it. */
function joinEnds(e: Ends, beyond: Ends): Ends {
  return { atoms: [...new Set([...e.atoms, ...beyond.atoms])], edge: e.edge || beyond.edge, nullable: beyond.nullable };
}

function fromStrings(strings: readonly string[] | undefined, literal: (s: string) => string | undefined, ctx: Context): Anchor[] | undefined {
  if (strings === undefined || strings.some((x) => x.length === 0)) return undefined;
  const out: Anchor[] = [];
  for (const x of strings) {
    const l = literal(x);
    if (l === undefined) return undefined;
    const a: Anchor = { literal: l, min: 0, max: 0 };
    if (ctx.before !== undefined) a.before = ctx.before;
    if (ctx.after !== undefined) a.after = ctx.after;
    out.push(a);
  }
  return out;
}

interface Env {
  literal: (s: string) => string | undefined;
  multiline: boolean;
}

function facts(node: Node, env: Env, ctx: Context): Facts {
  switch (node.t) {
    case 'lit':
      return { minLen: node.s.length, maxLen: node.s.length, ahead: node.s.length, behind: 0, anchors: fromStrings([node.s], env.literal, ctx), strings: [node.s] };
    case 'any':
      return { minLen: 1, maxLen: node.max, ahead: node.max, behind: 0, anchors: undefined, strings: undefined };
    case 'edge':
      return { minLen: 0, maxLen: 0, ahead: 1, behind: 1, anchors: undefined, strings: [''] };
    case 'look': {
      const f = facts(node.node, env, { before: undefined, after: undefined });
      const behind = node.behind ? f.maxLen + f.behind : f.behind;
      return { minLen: 0, maxLen: 0, ahead: f.ahead, behind, anchors: undefined, strings: [''] };
    }
    case 'alt': {
      const fs = node.alts.map((a) => facts(a, env, ctx));
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
      if (node.max === 0) return { minLen: 0, maxLen: 0, ahead: 0, behind: 0, anchors: undefined, strings: [''] };
      // Another repetition may stand on either side of one.
      const again = node.max > 1;
      const inner: Context = {
        before: again ? union(neighbour(ends(node.node, 'last', env.multiline)), ctx.before) : ctx.before,
        after: again ? union(neighbour(ends(node.node, 'first', env.multiline)), ctx.after) : ctx.after,
      };
      const f = facts(node.node, env, inner);
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
      const firsts = items.map((item) => ends(item, 'first', env.multiline));
      const lasts = items.map((item) => ends(item, 'last', env.multiline));
      // What stands before item i and after item j, inside or outside the sequence (a \\b next to a
      // word character: a non-word one). Built from the ends inwards, each from its neighbour's.
      const n = items.length;
      const outside: Ends[] = [];
      const befores: Array<Neighbour | undefined> = new Array<Neighbour | undefined>(n);
      const afters: Array<Neighbour | undefined> = new Array<Neighbour | undefined>(n);
      let reach = through(outside, ctx.before);
      for (let i = 0; i < n; i++) {
        befores[i] = edgeB(items[i - 1]) && wordOnly(firsts[i]) ? NON_WORD_OR_EDGE : neighbour(reach);
        const l = lasts[i] as Ends;
        reach = l.nullable ? (reach === undefined ? undefined : joinEnds(l, reach)) : l;
      }
      reach = through(outside, ctx.after);
      for (let j = n - 1; j >= 0; j--) {
        afters[j] = edgeB(items[j + 1]) && wordOnly(lasts[j]) ? NON_WORD_OR_EDGE : neighbour(reach);
        const f = firsts[j] as Ends;
        reach = f.nullable ? (reach === undefined ? undefined : joinEnds(f, reach)) : f;
      }
      const before = (i: number): Neighbour | undefined => befores[i];
      const after = (j: number): Neighbour | undefined => afters[j];
      const fs = items.map((item, i) => facts(item, env, { before: before(i), after: after(i) }));
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
      let bestCost = Infinity;
      const consider = (anchors: Anchor[] | undefined, i: number): void => {
        if (anchors === undefined) return;
        const c = cost(anchors, (hi[i] as number) - (lo[i] as number));
        if (best === undefined || c < bestCost) {
          bestCost = c;
          best = shift(anchors, lo[i] as number, hi[i] as number);
        }
      };
      fs.forEach((f, i) => {
        ahead = Math.max(ahead, (hi[i] as number) + f.ahead);
        behind = Math.max(behind, f.behind - (lo[i] as number));
        consider(f.anchors, i);
        // Runs of items with few strings each, read together: `http` `s?` `://` gives `http://`, `https://`.
        let run: string[] | undefined = f.strings;
        for (let j = i + 1; j < fs.length && run !== undefined && run.some((x) => x.length < ENOUGH_LITERAL); j++) {
          run = product(run, fs[j]?.strings);
          if (run !== undefined) consider(fromStrings(run, env.literal, runContext(items, i, j, run, before(i), after(j))), i);
        }
      });
      let strings: string[] | undefined = [''];
      for (const f of fs) strings = product(strings, f.strings);
      return { minLen: lo[fs.length] as number, maxLen: hi[fs.length] as number, ahead, behind, anchors: best, strings };
    }
  }
}

const NON_WORD_OR_EDGE: Neighbour = { atoms: [NON_WORD], edge: true };
const edgeB = (n: Node | undefined): boolean => n !== undefined && n.t === 'edge' && n.kind === 'b';
/** The node always starts (or ends) with a literal word character. */
const wordOnly = (e: Ends | undefined): boolean => e !== undefined && !e.nullable && !e.edge && e.atoms.length > 0 && e.atoms.every((a) => a.length === 1 && isWordChar(a));

/**
 * The neighbours of a run of items i..j read as literals: a \\b right next to a word character of
 * the literals says more than the items beyond it (the neighbour is not a word character).
 * Zero-width items at the run's ends are skipped over.
 */
function runContext(items: readonly Node[], i: number, j: number, strings: readonly string[], before: Neighbour | undefined, after: Neighbour | undefined): Context {
  const zeroWidth = (n: Node | undefined): boolean => n !== undefined && (n.t === 'edge' || n.t === 'look');
  let a = i;
  let b = j;
  while (a < b && zeroWidth(items[a]) && !edgeB(items[a])) a++;
  while (b > a && zeroWidth(items[b]) && !edgeB(items[b])) b--;
  const ctx: Context = { before, after };
  if ((edgeB(items[a - 1]) || edgeB(items[a])) && strings.every((x) => isWordChar(x[0]))) ctx.before = NON_WORD_OR_EDGE;
  if ((edgeB(items[b + 1]) || edgeB(items[b])) && strings.every((x) => isWordChar(x[x.length - 1]))) ctx.after = NON_WORD_OR_EDGE;
  return ctx;
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
    f = facts(new Parser(re.source, re.flags.includes('u')).parse(), { literal, multiline: re.multiline }, { before: undefined, after: undefined });
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
    if (b === undefined) {
      byLiteral.set(a.literal, { ...a });
      continue;
    }
    // One literal from several alternatives: any of their neighbours may stand next to it.
    const merged: Anchor = { literal: a.literal, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
    const before = union(a.before, b.before);
    const after = union(a.after, b.after);
    if (before !== undefined) merged.before = before;
    if (after !== undefined) merged.after = after;
    byLiteral.set(a.literal, merged);
  }
  const all = [...byLiteral.values()];
  // "sending" is covered by "send" only if "send" may be followed by anything ("i" included).
  const covers = (b: Anchor, a: Anchor): boolean => b !== a && a.literal.startsWith(b.literal) && b.min <= a.min && b.max >= a.max && b.after === undefined && sameNeighbour(b.before, a.before);
  return all.filter((a) => !all.some((b) => covers(b, a)));
}

function sameNeighbour(a: Neighbour | undefined, b: Neighbour | undefined): boolean {
  if (a === undefined) return true; // b's occurrences are a's too, and a admits anything before
  return b !== undefined && a.edge === b.edge && a.atoms.length === b.atoms.length && a.atoms.every((x) => b.atoms.includes(x));
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

/**
 * Start positions where a match can begin, as merged [from, to] windows in text order: for each
 * occurrence of an anchor whose neighbours in `text` fit, the starts its offsets allow.
 * @param re the regex (its flags say how to read the neighbours' atoms)
 * @param text the text the regex runs on
 * @param ends for each anchor of the plan (same order), the ascending end offsets of its literal's occurrences
 */
export function candidateWindows(re: RegExp, plan: RegexPlan, text: string, ends: ReadonlyArray<readonly number[]>): number[] {
  let total = 0;
  for (const list of ends) total += list.length;
  const packed = new Float64Array(total);
  let n = 0;
  let anchorsSeen = 0;
  const tests = neighbourTests(re, plan);
  plan.anchors.forEach((a, k) => {
    const list = ends[k] ?? [];
    if (list.length === 0) return;
    anchorsSeen++;
    const { before, after } = tests[k] as NeighbourTests;
    const len = a.literal.length;
    for (const e of list) {
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
  });
  const sorted = anchorsSeen > 1 ? packed.subarray(0, n).sort() : packed.subarray(0, n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    const from = Math.floor(v / WIDTH_BITS);
    const to = from + (v % WIDTH_BITS);
    const last = out.length - 1;
    if (last > 0 && from <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, to);
    else out.push(from, to);
  }
  return out;
}

/** Windows up to this many positions wide are tried position by position (a sticky exec costs ~20 ns, a slice and exec ~200 ns). */
const STICKY_WIDTH = 8;

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
  try {
    for (let w = 0; w < windows.length; w += 2) {
      const to = windows[w + 1] as number;
      if (to < pos) continue;
      const from = alignStart(text, Math.max(windows[w] as number, pos));
      if (to - from < STICKY_WIDTH) {
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
