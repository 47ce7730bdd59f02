/**
 * @fileoverview Synchronous secret detection and redaction for every output (reports, SARIF, the
 * gateway's DLP). Fast path: the text is lowercased once and a pattern's regex runs only when one
 * of its keywords occurs (gitleaks' prefilter); most text matches no keyword and costs one
 * pass of a KeywordSet. In long texts the same pass also finds each pattern's anchors
 * (regex-plan.ts) and a regex that runs is executed only around them, with the same matches.
 * See secret-patterns.ts for how this relates to secretlint.
 */
import { KeywordSet, type KeywordHits } from './keyword-set.js';
import { candidateWindows, forEachPlannedMatch, type RegexPlan } from './regex-plan.js';
import { regexPlan } from './regex-plans.js';
import { REDACTED, SECRET_PATTERNS, type SecretPattern } from './secret-patterns.js';

export interface SecretMatch {
  patternId: string;
  start: number;
  end: number;
}

/** Every distinct keyword, each with the patterns that need it. Built once. */
const PATTERNS_BY_KEYWORD: ReadonlyMap<string, readonly SecretPattern[]> = (() => {
  const map = new Map<string, SecretPattern[]>();
  for (const p of SECRET_PATTERNS) {
    for (const k of p.keywords) {
      const list = map.get(k) ?? [];
      if (!list.includes(p)) list.push(p);
      map.set(k, list);
    }
  }
  return map;
})();

const KEYWORDS = new KeywordSet(PATTERNS_BY_KEYWORD.keys());

const PATTERN_BY_ID: ReadonlyMap<string, SecretPattern> = new Map(SECRET_PATTERNS.map((p) => [p.id, p]));

/** The keywords plus every pattern's anchors (found in the lowercased text), with each pattern's plan. */
interface Planned {
  literals: KeywordSet;
  plans: Array<{ plan: RegexPlan; anchorIds: number[] } | undefined>;
}
let planned: Planned | undefined;

/** Texts at least this long run the regexes only around their anchors, once the plans are made. */
const PLANNED_MIN_LENGTH = 2048;
/** The plans are made for the first text this long (or by prepareSecretPlans). */
const PLAN_AT_LENGTH = 16 * 1024;

function buildPlanned(): Planned {
  const plans = SECRET_PATTERNS.map((p) => regexPlan(p.regex, true));
  const literals = new KeywordSet([...PATTERNS_BY_KEYWORD.keys(), ...plans.flatMap((pl) => pl?.anchors.map((a) => a.literal) ?? [])]);
  const id = new Map(literals.keywords.map((k, i) => [k, i]));
  return { literals, plans: plans.map((plan) => (plan === undefined ? undefined : { plan, anchorIds: plan.anchors.map((a) => id.get(a.literal) as number) })) };
}

/** Makes the secret patterns' regex plans now rather than on the first long text. */
export function prepareSecretPlans(): void {
  planned ??= buildPlanned();
}

/** Patterns whose keywords occur (per `hits` over `literals`), in table order, with their index. */
function candidatePatterns(literals: KeywordSet, hits: KeywordHits): Array<[SecretPattern, number]> {
  if (hits.ids.length === 0) return [];
  const hit = new Set<SecretPattern>();
  for (const k of hits.ids) for (const p of PATTERNS_BY_KEYWORD.get(literals.keywords[k] as string) ?? []) hit.add(p);
  return SECRET_PATTERNS.flatMap((p, i): Array<[SecretPattern, number]> => (hit.has(p) ? [[p, i]] : []));
}

/**
 * Finds known-format credentials in `text`.
 * @param text any text: a config value, a tool result, a whole report
 * @returns the matches, each with its pattern id and the span of the secret part
 */
export function findSecrets(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  const lower = text.toLowerCase();
  // Anchors are found in the lowercased text: its offsets must be the text's.
  const long = text.length >= (planned === undefined ? PLAN_AT_LENGTH : PLANNED_MIN_LENGTH);
  const plan = long && lower.length === text.length ? (planned ??= buildPlanned()) : undefined;
  const literals = plan?.literals ?? KEYWORDS;
  const hits = literals.scan(lower);
  for (const [p, i] of candidatePatterns(literals, hits)) {
    const add = (m: RegExpMatchArray, offset: number): boolean => {
      const span = p.secretGroup === undefined ? undefined : m.indices?.[p.secretGroup];
      const start = span ? span[0] + offset : (m.index ?? 0) + offset;
      const end = span ? span[1] + offset : (m.index ?? 0) + offset + m[0].length;
      if (!p.accept || p.accept(text.slice(start, end))) out.push({ patternId: p.id, start, end });
      return true;
    };
    const pl = plan?.plans[i];
    if (pl !== undefined) {
      const windows = candidateWindows(p.regex, pl.plan, text, pl.anchorIds.map((id) => hits.ends(id)));
      forEachPlannedMatch(p.regex, text, pl.plan, windows, add);
      continue;
    }
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) add(m, 0);
  }
  return out;
}

/** True when `text` holds at least one known-format credential. */
export function containsSecret(text: string): boolean {
  return findSecrets(text).length > 0;
}

/**
 * Replaces the given spans of `text` with the redaction marker, keeping `keep(span)` leading
 * characters of each. Overlapping spans are merged.
 */
export function redactSpans(text: string, spans: ReadonlyArray<{ start: number; end: number; keep?: number }>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) {
      pos = Math.max(pos, s.end); // overlaps the span just redacted: extend it, one marker
      continue;
    }
    const keep = Math.min(s.keep ?? 0, s.end - s.start);
    out += text.slice(pos, s.start) + text.slice(s.start, s.start + keep) + REDACTED;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Replaces every known-format credential in `text`, keeping a short, recognisable prefix. */
export function redactSecrets(text: string): string {
  const matches = findSecrets(text);
  return redactSpans(
    text,
    matches.map((m) => ({ start: m.start, end: m.end, keep: PATTERN_BY_ID.get(m.patternId)?.keep ?? 0 })),
  );
}

/**
 * Redacts a value known to be sensitive from its context (e.g. the value of an env var named
 * `API_KEY`): everything goes except a 4-character hint for values long enough to keep one.
 */
export function redactValue(value: string): string {
  if (value.length === 0) return value;
  if (/^\$\{[^}]*\}$/.test(value)) return value; // a placeholder is not a secret
  return value.length >= 16 ? `${value.slice(0, 4)}${REDACTED}` : REDACTED;
}
