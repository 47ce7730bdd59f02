/**
 * @fileoverview Making a plan: from a regex's parse tree, the literals every match contains (with
 * their offsets and what may stand next to them) and how far an attempt reads (see regex-plan.ts).
 */
import { Parser, Unsupported, type Node } from './parse.js';
import type { Anchor, Neighbour, RegexPlan } from './types.js';

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

interface Facts {
  minLen: number;
  maxLen: number;
  ahead: number;
  behind: number;
  /** undefined: some match of this node has no known literal. */
  clauses: Clause[] | undefined;
  /** Every string the node can match, when there are few (zero-width assertions match ""). */
  strings: string[] | undefined;
}

/** Anchors of some alternatives of a node: a match through them has one of `any`, and one of each `also` group. */
interface Clause {
  any: Lit[];
  also?: Lit[][];
}

/** An anchor while the plan is made (RegexPlan gives each its clause and group). */
type Lit = Omit<Anchor, 'clause' | 'group'>;

/** Further groups of literals a clause may require (each intersects its windows). */
const MAX_ALSO = 2;
/**
 * A further group's literals must be rare: every literal the automaton looks for is recorded where
 * it occurs, and ":", "for" or "port" would be recorded all over most texts. Rare enough: five
 * characters or more, or a rare punctuation character (`@`, `#`, `$`, …).
 */
const rareLiteral = (literal: string): boolean => literal.length >= 5 || /[@#$%&*~`|\\!?+]/.test(literal);

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
/** A literal as an atom outside a character class ("-" needs no escape there, and `\-` is invalid with the u flag). */
const escapeAtom = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

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
function cost(anchors: readonly Lit[], spread = 0): number {
  let c = 0;
  for (const a of anchors) {
    const neighbours = (a.before === undefined ? 1 : 0.3) * (a.after === undefined ? 1 : 0.3);
    c += literalCost(a.literal) * neighbours * (1 + (a.max - a.min + spread) / 64);
  }
  return c;
}

const literalCosts = new Map<string, number>();
/**
 * How often a literal occurs, roughly: the product of its characters' frequencies in English text,
 * code and JSON, much more for the commonest words. Only the choice of anchors (speed) depends on it.
 */
function literalCost(literal: string): number {
  let c = literalCosts.get(literal);
  if (c === undefined) {
    c = COMMON_WORDS.has(literal) ? 30 : 1;
    for (const ch of literal) c *= charFrequency(ch);
    literalCosts.set(literal, c);
  }
  return c;
}

const LETTER_FREQUENCY: Record<string, number> = { e: 0.12, t: 0.09, a: 0.08, o: 0.075, i: 0.07, n: 0.067, s: 0.063, h: 0.06, r: 0.06, d: 0.043, l: 0.04, c: 0.028, u: 0.028, m: 0.024, w: 0.024, f: 0.022, g: 0.02, y: 0.02, p: 0.019, b: 0.015, v: 0.01, k: 0.008, j: 0.002, x: 0.002, q: 0.001, z: 0.001 };
/** Words far more frequent than their letters say (two-letter ones are frequent by their letters already). */
const COMMON_WORDS = new Set(['the', 'and', 'for', 'that', 'this', 'with', 'are', 'not', 'from', 'you', 'all', 'any', 'each', 'can', 'has', 'have', 'was', 'will', 'your', 'but']);
function charFrequency(ch: string): number {
  const lower = ch.toLowerCase();
  const letter = LETTER_FREQUENCY[lower];
  if (letter !== undefined) return letter * 0.8;
  if (ch === ' ' || ch === '\n') return 0.15;
  if (/[0-9]/.test(ch)) return 0.02;
  if ('.,:;"\'()/-_={}[]<>'.includes(ch)) return 0.03;
  if (/[\x21-\x7e]/.test(ch)) return 0.002; // rarer ASCII punctuation: @ # $ % & * ~ ` | \ ! ? +
  return 0.01;
}

/** Runs of literal items are not extended past this length: longer literals are rare enough. */
const ENOUGH_LITERAL = 12;

const shift = (anchors: readonly Lit[], lo: number, hi: number): Lit[] => anchors.map((a) => ({ ...a, min: a.min + lo, max: a.max + hi }));
const shiftClauses = (clauses: readonly Clause[], lo: number, hi: number): Clause[] =>
  clauses.map((c) => (c.also === undefined ? { any: shift(c.any, lo, hi) } : { any: shift(c.any, lo, hi), also: c.also.map((g) => shift(g, lo, hi)) }));

/** Cost of windows from clauses: a second literal required (`also`) keeps most windows out. */
function clausesCost(clauses: readonly Clause[], spread: number): number {
  let c = 0;
  for (const cl of clauses) c += cost(cl.any, spread) * 0.05 ** (cl.also?.length ?? 0);
  return c;
}

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

function fromStrings(strings: readonly string[] | undefined, literal: (s: string) => string | undefined, ctx: Context): Clause[] | undefined {
  if (strings === undefined || strings.some((x) => x.length === 0)) return undefined;
  const out: Lit[] = [];
  for (const x of strings) {
    const l = literal(x);
    if (l === undefined) return undefined;
    const a: Lit = { literal: l, min: 0, max: 0 };
    if (ctx.before !== undefined) a.before = ctx.before;
    if (ctx.after !== undefined) a.after = ctx.after;
    out.push(a);
  }
  return [{ any: out }];
}

interface Env {
  literal: (s: string) => string | undefined;
  multiline: boolean;
}

function facts(node: Node, env: Env, ctx: Context): Facts {
  switch (node.t) {
    case 'lit':
      return { minLen: node.s.length, maxLen: node.s.length, ahead: node.s.length, behind: 0, clauses: fromStrings([node.s], env.literal, ctx), strings: [node.s] };
    case 'any':
      return { minLen: 1, maxLen: node.max, ahead: node.max, behind: 0, clauses: undefined, strings: undefined };
    case 'edge':
      return { minLen: 0, maxLen: 0, ahead: 1, behind: 1, clauses: undefined, strings: [''] };
    case 'look': {
      const f = facts(node.node, env, { before: undefined, after: undefined });
      const behind = node.behind ? f.maxLen + f.behind : f.behind;
      // What a positive lookahead matches is in the text right here: its literals can anchor too.
      return { minLen: 0, maxLen: 0, ahead: f.ahead, behind, clauses: node.behind || !node.positive ? undefined : f.clauses, strings: [''] };
    }
    case 'alt': {
      const fs = node.alts.map((a) => facts(a, env, ctx));
      const clauses = fs.every((f) => f.clauses !== undefined) ? fs.flatMap((f) => f.clauses as Clause[]) : undefined;
      const strings = fs.every((f) => f.strings !== undefined) ? [...new Set(fs.flatMap((f) => f.strings as string[]))] : undefined;
      return {
        minLen: Math.min(...fs.map((f) => f.minLen)),
        maxLen: Math.max(...fs.map((f) => f.maxLen)),
        ahead: Math.max(...fs.map((f) => f.ahead)),
        behind: Math.max(...fs.map((f) => f.behind)),
        clauses,
        strings: strings !== undefined && strings.length <= MAX_STRINGS ? strings : undefined,
      };
    }
    case 'rep': {
      if (node.max === 0) return { minLen: 0, maxLen: 0, ahead: 0, behind: 0, clauses: undefined, strings: [''] };
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
        clauses: node.min >= 1 ? f.clauses : undefined,
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
      // Candidates: each item's clauses, and runs of items read as literals, with the items they span.
      const candidates: Array<{ from: number; to: number; clauses: Clause[]; cost: number }> = [];
      const consider = (clauses: Clause[] | undefined, i: number, j: number): void => {
        if (clauses === undefined) return;
        candidates.push({ from: i, to: j, clauses: shiftClauses(clauses, lo[i] as number, hi[i] as number), cost: clausesCost(clauses, (hi[i] as number) - (lo[i] as number)) });
      };
      fs.forEach((f, i) => {
        ahead = Math.max(ahead, (hi[i] as number) + f.ahead);
        behind = Math.max(behind, f.behind - (lo[i] as number));
        consider(f.clauses, i, i);
        // Runs of items with few strings each, read together: `http` `s?` `://` gives `http://`, `https://`.
        let run: string[] | undefined = f.strings;
        for (let j = i + 1; j < fs.length && run !== undefined && run.some((x) => x.length < ENOUGH_LITERAL); j++) {
          run = product(run, fs[j]?.strings);
          if (run !== undefined) consider(fromStrings(run, env.literal, runContext(items, i, j, run, before(i), after(j))), i, j);
        }
      });
      let best: (typeof candidates)[number] | undefined;
      for (const c of candidates) if (best === undefined || c.cost < best.cost) best = c;
      let clauses = best?.clauses;
      if (best !== undefined) {
        // Further literals from other items of the sequence: matches need them all (windows intersect).
        const taken: Array<[number, number]> = [[best.from, best.to]];
        const also: Lit[][] = [];
        while (also.length < MAX_ALSO) {
          let next: (typeof candidates)[number] | undefined;
          for (const c of candidates) {
            const simple = c.clauses.every((cl) => cl.also === undefined && cl.any.every((a) => rareLiteral(a.literal)));
            const apart = taken.every(([f, t]) => c.to < f || c.from > t);
            if (simple && apart && (next === undefined || c.cost < next.cost)) next = c;
          }
          if (next === undefined) break;
          taken.push([next.from, next.to]);
          also.push(next.clauses.flatMap((cl) => cl.any));
        }
        if (also.length > 0) clauses = best.clauses.map((c) => (c.also === undefined ? { any: c.any, also } : c));
      }
      let strings: string[] | undefined = [''];
      for (const f of fs) strings = product(strings, f.strings);
      return { minLen: lo[fs.length] as number, maxLen: hi[fs.length] as number, ahead, behind, clauses, strings };
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
  if (f.clauses === undefined || f.minLen === 0) return undefined;
  // Clauses with the same second literals are one clause; so are all those without.
  const byAlso = new Map<string, Clause>();
  for (const c of f.clauses) {
    const key = c.also === undefined ? '' : JSON.stringify(c.also);
    const merged = byAlso.get(key);
    if (merged === undefined) byAlso.set(key, { any: [...c.any], ...(c.also === undefined ? {} : { also: c.also }) });
    else merged.any.push(...c.any);
  }
  const anchors: Anchor[] = [];
  [...byAlso.values()].forEach((c, clause) => {
    [c.any, ...(c.also ?? [])].forEach((lits, group) => {
      for (const a of simplify(lits)) anchors.push({ ...a, clause, group });
    });
  });
  return { anchors, ahead: f.ahead, behind: f.behind };
}

/**
 * Fewer, shorter literals for the same windows: one entry per literal (offset ranges joined), and
 * none that starts with another anchor whose range covers its own ("sending" under "send").
 */
function simplify(anchors: readonly Lit[]): Lit[] {
  const byLiteral = new Map<string, Lit>();
  for (const a of anchors) {
    const b = byLiteral.get(a.literal);
    if (b === undefined) {
      byLiteral.set(a.literal, { ...a });
      continue;
    }
    // One literal from several alternatives: any of their neighbours may stand next to it.
    const merged: Lit = { literal: a.literal, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
    const before = union(a.before, b.before);
    const after = union(a.after, b.after);
    if (before !== undefined) merged.before = before;
    if (after !== undefined) merged.after = after;
    byLiteral.set(a.literal, merged);
  }
  const all = [...byLiteral.values()];
  // "sending" is covered by "send" only if "send" may be followed by anything ("i" included).
  const covers = (b: Lit, a: Lit): boolean => b !== a && a.literal.startsWith(b.literal) && b.min <= a.min && b.max >= a.max && b.after === undefined && sameNeighbour(b.before, a.before);
  return all.filter((a) => !all.some((b) => covers(b, a)));
}

function sameNeighbour(a: Neighbour | undefined, b: Neighbour | undefined): boolean {
  if (a === undefined) return true; // b's occurrences are a's too, and a admits anything before
  return b !== undefined && a.edge === b.edge && a.atoms.length === b.atoms.length && a.atoms.every((x) => b.atoms.includes(x));
}
