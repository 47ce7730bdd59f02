/**
 * @module supplychain/typosquat
 * Is a package name a near-miss of a well-known MCP server? Compares against the bundled list
 * (data/popular-mcp-packages.json) with: confusable characters (`l`/`1`/`i`, `0`/`o`, `rn`/`m`),
 * separator and pluralisation tricks, word reordering, scope swaps (`@modelcontextprotocol-x/…`,
 * a dropped scope), and small edit distances. The well-known package itself is never a finding, and
 * neither is a sibling in the same npm scope (a scope is owned: only its owner can publish there).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Ecosystem } from './package-ref.js';

export const PopularListSchema = z.object({
  date: z.string(),
  sources: z.array(z.string()).min(1),
  packages: z.array(z.object({ ecosystem: z.enum(['npm', 'pypi', 'oci', 'mcpb']), name: z.string().min(1), monthlyDownloads: z.number().int().nonnegative().optional() }).strict()),
});
export type PopularList = z.infer<typeof PopularListSchema>;

/** Loads and validates a popular-packages file (the bundled one by default). */
export function loadPopularList(path: string = new URL('../../data/popular-mcp-packages.json', import.meta.url).pathname): PopularList {
  const parsed = PopularListSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: invalid popular-packages list: ${parsed.error.issues[0]?.message ?? 'schema error'}`);
  return parsed.data;
}

export type SquatTechnique = 'confusable' | 'separator' | 'plural' | 'reorder' | 'scope-swap' | 'scope-drop' | 'edit-distance';

export interface SquatMatch {
  /** The well-known package the name imitates. */
  target: string;
  technique: SquatTechnique;
  /** Edit distance for `edit-distance` (and for the name part of `scope-swap`). */
  distance?: number;
}

/** Names longer than this are not compared (npm's limit is 214; the DP stays bounded). */
const MAX_NAME = 214;

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 0; i <= a.length; i++) (rows[i] as number[])[0] = i;
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
  }
  return at(a.length, b.length);
}

/** Look-alike sequences folded to one form. Multi-character folds come first. */
const CONFUSABLES: ReadonlyArray<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/[1i|!]/g, 'l'],
  [/0/g, 'o'],
  [/5/g, 's'],
  [/3/g, 'e'],
  [/\$/g, 's'],
];

/** The name as a reader sees it: lowercased, separators removed, look-alikes folded. */
export function skeleton(name: string): string {
  let s = name.toLowerCase().replace(/[-_.~]/g, '');
  for (const [re, to] of CONFUSABLES) s = s.replace(re, to);
  return s;
}

function splitScope(name: string): { scope?: string; bare: string } {
  const m = /^@([^/]{1,214})\/(.{1,214})$/.exec(name);
  return m && m[1] !== undefined && m[2] !== undefined ? { scope: m[1], bare: m[2] } : { bare: name };
}

const words = (s: string) => s.toLowerCase().split(/[-_.]+/).filter((w) => w !== '');
const unplural = (s: string) => s.replace(/s(?=$|[-_.])/g, '');

/** Allowed edits for a name of this length: short names collide by chance, so they get none. */
function distanceBudget(length: number): number {
  if (length < 7) return 0;
  return length <= 12 ? 1 : 2;
}

/** Compares two unscoped names (or two bare parts). Returns the first technique that explains the likeness. */
function compareBare(candidate: string, target: string): SquatMatch | undefined {
  if (candidate === target) return undefined;
  if (candidate.replace(/[-_.]/g, '') === target.replace(/[-_.]/g, '')) return { target, technique: 'separator' };
  if (unplural(candidate) === unplural(target)) return { target, technique: 'plural' };
  const wc = words(candidate);
  const wt = words(target);
  if (wc.length > 1 && wc.length === wt.length && [...wc].sort().join('-') === [...wt].sort().join('-')) return { target, technique: 'reorder' };
  if (skeleton(candidate) === skeleton(target)) return { target, technique: 'confusable' };
  const budget = distanceBudget(target.length);
  if (budget > 0) {
    const d = editDistance(candidate, target, budget);
    if (d <= budget) return { target, technique: 'edit-distance', distance: d };
  }
  return undefined;
}

/** True when two scopes look alike: one extends the other, same skeleton, or within one edit. */
function scopesAlike(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a)) return true;
  if (skeleton(a) === skeleton(b)) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 10 ? 2 : 1);
}

function comparePackages(ecosystem: Ecosystem, candidate: string, target: string): SquatMatch | undefined {
  if (candidate === target) return undefined;
  if (ecosystem === 'oci') {
    // Same registry namespace (`docker.io/mcp/…`): owned by one publisher, a sibling.
    const ns = (n: string) => n.slice(0, n.lastIndexOf('/'));
    return ns(candidate) === ns(target) ? undefined : compareBare(candidate, target);
  }
  if (ecosystem !== 'npm') return compareBare(candidate, target);
  const c = splitScope(candidate);
  const t = splitScope(target);
  if (c.scope !== undefined && c.scope === t.scope) return undefined; // same owned scope: a sibling, not a squat
  if (c.scope !== undefined && t.scope !== undefined) {
    if (!scopesAlike(c.scope, t.scope)) return undefined;
    if (c.bare === t.bare) return { target, technique: 'scope-swap' };
    const near = compareBare(c.bare, t.bare);
    return near ? { target, technique: 'scope-swap', ...(near.distance !== undefined ? { distance: near.distance } : {}) } : undefined;
  }
  if (c.scope === undefined && t.scope !== undefined) {
    // `server-filesystem` or `modelcontextprotocol-server-filesystem` for `@modelcontextprotocol/server-filesystem`
    if (t.bare.length >= 8 && (c.bare === t.bare || c.bare.replace(/[-_.]/g, '') === `${t.scope}${t.bare}`.replace(/[-_.]/g, ''))) return { target, technique: 'scope-drop' };
    return undefined;
  }
  if (c.scope !== undefined && t.scope === undefined) {
    // `@evil/mcp-remote` imitating the unscoped `mcp-remote` is a different package with an honest name; skip.
    return undefined;
  }
  return compareBare(candidate, target);
}

/**
 * The well-known package `name` imitates, if any. Exact matches (the package itself) are not
 * matches. When several targets fit, the most popular wins (the list is ordered by popularity).
 */
export function findTyposquat(ecosystem: Ecosystem, name: string, list: PopularList): SquatMatch | undefined {
  if (name.length > MAX_NAME) return undefined;
  const candidates = list.packages.filter((p) => p.ecosystem === ecosystem);
  if (candidates.some((p) => p.name === name)) return undefined;
  for (const p of candidates) {
    const m = comparePackages(ecosystem, name, p.name);
    if (m) return m;
  }
  return undefined;
}
