/**
 * @fileoverview Which keywords of a fixed set occur in a text, in one pass of V8's regex engine.
 * The prefilters of the signal engine and the secret detectors run on every text mcp-warden sees,
 * including whole tool results in the gateway, so this pass is on the hot path.
 *
 * One zero-width regex `(?=(k1|k2|…))`, longest keyword first, is tried at each position: at a
 * position where keywords start it reports the longest of them, and every other keyword starting
 * there is a prefix of it. So the occurring keywords are exactly the reported ones plus the
 * keywords contained in them (precomputed per keyword). Measured on 100 KB of report text: about
 * 3× faster than a JavaScript Aho-Corasick automaton and 4–10× faster than one `includes` per
 * keyword (test/analysis/keyword-set.test.ts checks the equivalence against a naive scan).
 */

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class KeywordSet {
  private readonly finder: RegExp | undefined;
  /** keyword → the keywords it contains, itself included */
  private readonly contained = new Map<string, readonly string[]>();

  /** @param keywords non-empty strings, matched case-sensitively (callers lowercase both sides). */
  constructor(keywords: Iterable<string>) {
    const unique = [...new Set(keywords)];
    for (const k of unique) if (k.length === 0) throw new Error('KeywordSet: keywords must be non-empty');
    const longestFirst = unique.sort((a, b) => b.length - a.length);
    for (const k of longestFirst) this.contained.set(k, longestFirst.filter((j) => j.length <= k.length && k.includes(j)));
    this.finder = longestFirst.length > 0 ? new RegExp(`(?=(${longestFirst.map(escapeRegex).join('|')}))`, 'g') : undefined;
  }

  /** The distinct keywords that occur in `text`. */
  present(text: string): Set<string> {
    const found = new Set<string>();
    const re = this.finder;
    if (re === undefined) return found;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const longest = m[1] ?? '';
      if (!found.has(longest)) for (const k of this.contained.get(longest) ?? []) found.add(k);
      re.lastIndex = m.index + 1;
    }
    return found;
  }
}
