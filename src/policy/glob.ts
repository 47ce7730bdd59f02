/**
 * @module policy/glob
 * Name patterns for servers, tools and clients: `*` matches any run of characters, `?` one
 * character, everything else is literal. Matching is iterative (no regex, no recursion), so a
 * hostile name cannot make it exponential.
 */

/** A compiled pattern: literal patterns become one string comparison. */
export type NameMatcher = (name: string) => boolean;

/** True when `text` matches the glob `pattern` as a whole. */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === '?' || pc === text[t])) {
      p++;
      t++;
    } else if (starP !== -1) {
      // Backtrack: let the last `*` swallow one more character.
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Compiles one pattern or a list (any may match) into a matcher. */
export function compileGlobs(patterns: string | readonly string[]): NameMatcher {
  const list = typeof patterns === 'string' ? [patterns] : [...patterns];
  if (list.includes('*')) return () => true;
  const literals = new Set(list.filter((p) => !p.includes('*') && !p.includes('?')));
  const globs = list.filter((p) => !literals.has(p));
  if (globs.length === 0) return (name) => literals.has(name);
  return (name) => literals.has(name) || globs.some((g) => globMatch(g, name));
}
