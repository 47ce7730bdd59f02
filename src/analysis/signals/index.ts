/**
 * @fileoverview The signal engine. All keywords of all signal patterns go into one KeywordSet; a
 * text is lowercased once, scanned once, and a pattern's regex runs only when one of its keywords
 * occurred (patterns without keywords always run). Kinds are evaluated lazily, so a
 * rule that never asks for "transfer verbs" never pays for them. In long texts the same pass finds
 * the anchor literals of each pattern's regex (regex-plan.ts), so a regex that runs is executed
 * only around them, with the same matches as over the whole text.
 */
import { DISGUISE_WORDS, type DisguiseDictionary } from '../encodings.js';
import { KeywordSet, type KeywordHits } from '../keyword-set.js';
import { candidateWindows, forEachPlannedMatch, type RegexPlan } from '../regex-plan.js';
import { regexPlan } from '../regex-plans.js';
import { BEHAVIOUR_SIGNALS } from './behaviour.js';
import { DATA_SIGNALS } from './data.js';
import { INJECTION_SIGNALS } from './injection.js';
import { LEXICON_SIGNALS } from './lexicon.js';
import type { SignalHit, SignalKind, SignalPattern } from './types.js';
import { VIEW_PATTERNS, type ViewPattern } from './view-patterns.js';

export type { SignalHit, SignalKind, SignalPattern } from './types.js';

/**
 * Tables are written with plain spaces and `.` for readability; descriptions are often hard-wrapped
 * (docstrings), so at load time every literal space matches any whitespace and `.` matches newlines.
 */
function wrapTolerant(p: SignalPattern): SignalPattern {
  const flags = p.regex.flags.includes('s') ? p.regex.flags : `${p.regex.flags}s`;
  return { ...p, regex: new RegExp(p.regex.source.replace(/ /g, '\\s'), flags) };
}

/** Every signal pattern, in table order. */
export const SIGNAL_PATTERNS: readonly SignalPattern[] = [...INJECTION_SIGNALS, ...DATA_SIGNALS, ...BEHAVIOUR_SIGNALS, ...LEXICON_SIGNALS].map(wrapTolerant);

/** Validates the tables at load time; errors name the pattern. */
function validate(patterns: readonly SignalPattern[]): void {
  const ids = new Set<string>();
  for (const p of patterns) {
    if (ids.has(p.id)) throw new Error(`signal ${p.id}: duplicate id`);
    ids.add(p.id);
    if (!p.regex.global) throw new Error(`signal ${p.id}: regex needs the g flag`);
    for (const k of p.keywords) if (k !== k.toLowerCase() || k.length === 0) throw new Error(`signal ${p.id}: keyword "${k}" must be non-empty lowercase`);
  }
}
validate(SIGNAL_PATTERNS);

/** One automaton over literals and what each literal found means. */
interface Scanner {
  literals: KeywordSet;
  /** literal id → indices of the patterns it enables as a keyword */
  byKeyword: number[][];
  /** Literal ids of the words of each disguise dictionary (encodings.ts). */
  dictionaries: Record<DisguiseDictionary, number[]>;
  /** Per pattern: where its regex can match (see regex-plan.ts), with the ids of its anchor literals (planned scanner only). */
  plans: Array<Planned | undefined>;
  /** The same for the assessors' whole-view regexes (view-patterns.ts), run global. */
  viewPlans: Partial<Record<ViewPattern, Planned & { global: RegExp }>>;
}

interface Planned {
  plan: RegexPlan;
  anchorIds: number[];
}

const VIEW_NAMES = Object.keys(VIEW_PATTERNS) as ViewPattern[];
/** Global copies of the view patterns: planned execution moves lastIndex. */
const VIEW_GLOBAL = Object.fromEntries(VIEW_NAMES.map((n) => [n, new RegExp(VIEW_PATTERNS[n].source, `${VIEW_PATTERNS[n].flags}g`)])) as Record<ViewPattern, RegExp>;

interface Index {
  /**
   * Keywords and dictionary words: enough for short texts, where every regex runs over the whole
   * text. Built only while `planned` is not: its automaton is a subset of that one (2 MB more).
   */
  keywords: Scanner | undefined;
  /** The same plus every pattern's anchors (regex-plan.ts, plans generated at build time: regex-plans.ts), built on the first long text. */
  planned: Scanner | undefined;
  byKind: Map<SignalKind, number[]>;
  alwaysOn: Uint8Array;
}

let index: Index | undefined;

/** Hostile text can repeat a phrase endlessly; rules need a few hits, not all of them. */
const MAX_HITS_PER_KIND = 64;

/**
 * Texts at least this long run the signal regexes only around their anchors, once the plans are
 * made (below it a regex over the whole text costs about as much as finding its windows).
 */
const PLANNED_MIN_LENGTH = 2048;
/**
 * The plans are made (about 0.2 s) for the first text this long, or by prepareSignalPlans(): a CLI
 * scan of tool descriptions, rarely this long, never pays for them; a gateway soon does.
 */
const PLAN_AT_LENGTH = 16 * 1024;

function scanner(plans: ReadonlyArray<RegexPlan | undefined>, viewPlans: Partial<Record<ViewPattern, RegexPlan>>): Scanner {
  const anchors = [...plans, ...Object.values(viewPlans)].flatMap((pl) => pl?.anchors.map((a) => a.literal) ?? []);
  const literals = new KeywordSet([...SIGNAL_PATTERNS.flatMap((p) => p.keywords), ...Object.values(DISGUISE_WORDS).flat(), ...anchors]);
  const id = new Map(literals.keywords.map((k, i) => [k, i]));
  const byKeyword = literals.keywords.map((): number[] => []);
  SIGNAL_PATTERNS.forEach((p, i) => {
    for (const k of p.keywords) byKeyword[id.get(k) as number]?.push(i);
  });
  const ids = (words: readonly string[]): number[] => [...new Set(words.map((w) => id.get(w) as number))];
  const dictionaries = { rot13: ids(DISGUISE_WORDS.rot13), rot47: ids(DISGUISE_WORDS.rot47), reversed: ids(DISGUISE_WORDS.reversed) };
  const planned = (plan: RegexPlan): Planned => ({ plan, anchorIds: plan.anchors.map((a) => id.get(a.literal) as number) });
  const views: Scanner['viewPlans'] = {};
  for (const n of VIEW_NAMES) {
    const plan = viewPlans[n];
    if (plan !== undefined) views[n] = { ...planned(plan), global: VIEW_GLOBAL[n] };
  }
  return { literals, byKeyword, dictionaries, plans: plans.map((plan) => (plan === undefined ? undefined : planned(plan))), viewPlans: views };
}

function buildIndex(): Index {
  const byKind = new Map<SignalKind, number[]>();
  const alwaysOn = new Uint8Array(SIGNAL_PATTERNS.length);
  SIGNAL_PATTERNS.forEach((p, i) => {
    const list = byKind.get(p.kind) ?? [];
    list.push(i);
    byKind.set(p.kind, list);
    if (p.keywords.length === 0) alwaysOn[i] = 1;
  });
  return { keywords: undefined, planned: undefined, byKind, alwaysOn };
}

/**
 * The scanner for a text of `length`, and whether its regexes run around their anchors. Short
 * texts use the planned scanner when it exists (its plans unused), else the keywords-only one.
 */
function scannerFor(idx: Index, length: number, planned: boolean | undefined): { scanner: Scanner; usePlans: boolean } {
  if (!(planned ?? length >= (idx.planned === undefined ? PLAN_AT_LENGTH : PLANNED_MIN_LENGTH))) {
    return { scanner: idx.planned ?? (idx.keywords ??= scanner(SIGNAL_PATTERNS.map(() => undefined), {})), usePlans: false };
  }
  idx.planned ??= scanner(
    SIGNAL_PATTERNS.map((p) => regexPlan(p.regex)),
    Object.fromEntries(VIEW_NAMES.flatMap((n) => {
      const plan = regexPlan(VIEW_GLOBAL[n]);
      return plan === undefined ? [] : [[n, plan]];
    })),
  );
  idx.keywords = undefined;
  return { scanner: idx.planned, usePlans: true };
}

/**
 * Makes the regex plans of the signal engine now rather than on the first long text (about 0.2 s).
 * A long-running process that scans large texts (the gateway) can call it at startup.
 */
export function prepareSignalPlans(): void {
  scannerFor(getIndex(), PLAN_AT_LENGTH, true);
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** Signals of one text, computed per kind on first use. */
export class SignalSet {
  private readonly active: Uint8Array;
  private readonly scanner: Scanner;
  /** Whether regexes run only around their anchors (long texts), with the same matches. */
  private readonly usePlans: boolean;
  private readonly literals: KeywordHits | undefined;
  private readonly cache = new Map<SignalKind, SignalHit[]>();
  private quietCache: boolean | undefined;

  /**
   * @param lower the text, already lowercased (offsets of hits refer to it).
   * @param options.planned run the regexes only around their anchors (default: for long texts);
   *   the hits are the same either way, tests compare the two.
   */
  constructor(
    readonly lower: string,
    options: { planned?: boolean } = {},
  ) {
    const idx = getIndex();
    this.active = new Uint8Array(idx.alwaysOn);
    ({ scanner: this.scanner, usePlans: this.usePlans } = scannerFor(idx, lower.length, options.planned));
    if (lower.length === 0) return;
    this.literals = this.scanner.literals.scan(lower);
    for (const k of this.literals.ids) {
      for (const p of this.scanner.byKeyword[k] ?? []) this.active[p] = 1;
    }
  }

  /**
   * True when no keyword of any pattern occurs in the text: only the keyword-less patterns (verbs,
   * IBANs) can still match. Assessors that need a keyword-gated signal can skip such text at once.
   */
  get quiet(): boolean {
    if (this.quietCache === undefined) {
      const idx = getIndex();
      let q = true;
      for (let i = 0; i < this.active.length; i++) {
        if (this.active[i] === 1 && idx.alwaysOn[i] !== 1) {
          q = false;
          break;
        }
      }
      this.quietCache = q;
    }
    return this.quietCache;
  }

  /** How many distinct words of a disguise dictionary occur in the text, as substrings (for findDisguises). */
  dictionaryWords(dictionary: DisguiseDictionary): number {
    const hits = this.literals;
    if (hits === undefined) return 0;
    let n = 0;
    for (const id of this.scanner.dictionaries[dictionary]) if (hits.has(id)) n++;
    return n;
  }

  /**
   * The first match of an assessor's whole-view regex (view-patterns.ts) in the text, as `exec`
   * finds it; in long texts found around the regex's anchors only.
   */
  first(name: ViewPattern): { index: number; end: number } | undefined {
    const planned = this.usePlans ? this.scanner.viewPlans[name] : undefined;
    if (planned === undefined || this.literals === undefined) {
      const m = VIEW_PATTERNS[name].exec(this.lower);
      return m === null ? undefined : { index: m.index, end: m.index + m[0].length };
    }
    let found: { index: number; end: number } | undefined;
    const windows = candidateWindows(planned.global, planned.plan, this.lower, planned.anchorIds.map((id) => (this.literals as KeywordHits).ends(id)));
    forEachPlannedMatch(planned.global, this.lower, planned.plan, windows, (m, offset) => {
      found = { index: m.index + offset, end: m.index + offset + m[0].length };
      return false;
    });
    return found;
  }

  /** Every hit of one kind (optionally one tag), in text order. */
  hits(kind: SignalKind, tag?: string): SignalHit[] {
    let all = this.cache.get(kind);
    if (all === undefined) {
      const found: SignalHit[] = [];
      all = found;
      const idx = getIndex();
      // One pair of callbacks for every pattern of the kind (not a pair per pattern): `current` says whose hit it is.
      let current = SIGNAL_PATTERNS[0] as SignalPattern;
      const add = (start: number, end: number): boolean => {
        const hit: SignalHit = { kind, id: current.id, start, end };
        if (current.tag !== undefined) hit.tag = current.tag;
        found.push(hit);
        return found.length < MAX_HITS_PER_KIND;
      };
      const onMatch = (m: RegExpExecArray, offset: number): boolean => add(m.index + offset, m.index + offset + m[0].length);
      for (const i of idx.byKind.get(kind) ?? []) {
        if (this.active[i] !== 1) continue;
        const p = SIGNAL_PATTERNS[i];
        if (p === undefined || found.length >= MAX_HITS_PER_KIND) continue;
        current = p;
        const planned = this.usePlans ? this.scanner.plans[i] : undefined;
        if (planned !== undefined && this.literals !== undefined) {
          // Only around the pattern's anchors (same matches as the loop below, see regex-plan.ts).
          const windows = candidateWindows(p.regex, planned.plan, this.lower, planned.anchorIds.map((id) => (this.literals as KeywordHits).ends(id)));
          forEachPlannedMatch(p.regex, this.lower, planned.plan, windows, onMatch);
          continue;
        }
        // exec on the shared regex, not matchAll: matchAll clones the RegExp on every call.
        const re = p.regex;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while (found.length < MAX_HITS_PER_KIND && (m = re.exec(this.lower)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          add(m.index, m.index + m[0].length);
        }
        re.lastIndex = 0;
      }
      found.sort((a, b) => a.start - b.start);
      this.cache.set(kind, found);
    }
    return tag === undefined ? all : all.filter((h) => h.tag === tag);
  }

  has(kind: SignalKind, tag?: string): boolean {
    return this.hits(kind, tag).length > 0;
  }

  /** The first pair (a of kind `a`, b of kind `b`) whose spans are within `window` characters. */
  near(a: SignalKind | SignalHit[], b: SignalKind | SignalHit[], window: number): [SignalHit, SignalHit] | undefined {
    const as = Array.isArray(a) ? a : this.hits(a);
    if (as.length === 0) return undefined;
    const bs = Array.isArray(b) ? b : this.hits(b);
    for (const x of as) {
      for (const y of bs) {
        const gap = y.start >= x.end ? y.start - x.end : x.start >= y.end ? x.start - y.end : 0;
        if (gap <= window) return [x, y];
      }
    }
    return undefined;
  }
}

/** Scans a text (any case) for signals. */
export function signalsOf(text: string): SignalSet {
  return new SignalSet(text.toLowerCase());
}

/**
 * The sentence (or line) around a span, for evidence: bounded to `max` characters on each side.
 */
export function sentenceAround(text: string, start: number, end: number, max = 160): string {
  let s = start;
  const lo = Math.max(0, start - max);
  while (s > lo && !/[.!?。！？\n]/.test(text[s - 1] ?? '')) s--;
  let e = end;
  const hi = Math.min(text.length, end + max);
  while (e < hi && !/[.!?。！？\n]/.test(text[e] ?? '')) e++;
  if (e < text.length && /[.!?。！？]/.test(text[e] ?? '')) e++;
  return text.slice(s, e).trim();
}
