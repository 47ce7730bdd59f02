/**
 * @module gateway/content
 * Walks the strings of MCP payloads (tool arguments, tool results, resource contents, prompt
 * messages, completions) in place, without re-serialising them: DLP and result scanning read and
 * rewrite text where it lies. Binary fields (`data`, `blob`) are counted but not scanned.
 */

/** Keys whose string values are binary (base64) or protocol vocabulary, not text a detector should read. */
const SKIP_KEYS = new Set(['data', 'blob', 'type', 'mimeType', 'role', 'resultType']);
/** Deepest nesting walked; deeper structures are treated as opaque (and reported as such by callers). */
export const MAX_DEPTH = 64;

export interface WalkStats {
  /** Characters of every string seen, including binary fields. */
  size: number;
  /** True when nesting went beyond MAX_DEPTH (the deeper part was not scanned). */
  truncated: boolean;
}

/**
 * Calls `visit` on every text string under `value`; when it returns a different string, the string
 * is replaced in place. Keys named `data`/`blob` (base64) and protocol vocabulary are skipped.
 */
export function rewriteStrings(value: unknown, visit: (text: string) => string, stats: WalkStats = { size: 0, truncated: false }): WalkStats {
  walk(value, 0);
  return stats;

  function walk(node: unknown, depth: number): void {
    if (depth > MAX_DEPTH) {
      stats.truncated = true;
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'string') {
          stats.size += item.length;
          const next = visit(item);
          if (next !== item) node[i] = next;
        } else if (item !== null && typeof item === 'object') walk(item, depth + 1);
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const key in obj) {
      const v = obj[key];
      if (typeof v === 'string') {
        stats.size += v.length;
        if (SKIP_KEYS.has(key)) continue;
        const next = visit(v);
        if (next !== v) obj[key] = next;
      } else if (v !== null && typeof v === 'object') walk(v, depth + 1);
    }
  }
}

/** Collects the text strings under `value` (same walk as rewriteStrings, read-only). */
export function collectStrings(value: unknown): { texts: string[]; stats: WalkStats } {
  const texts: string[] = [];
  const stats = rewriteStrings(value, (t) => {
    texts.push(t);
    return t;
  });
  return { texts, stats };
}

/** Characters in a payload (text and binary), without scanning. */
export function payloadSize(value: unknown): number {
  return rewriteStrings(value, (t) => t).size;
}
