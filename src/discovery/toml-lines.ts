/**
 * @module discovery/toml-lines
 * smol-toml keeps no source positions, so line numbers come from a light scan of the text: table
 * headers (`[mcp_servers.github]`) and key assignments (`command = …`, `env.TOKEN = …`), with
 * quoted keys understood. Good enough to point a reader at the right line; never used for values.
 */
import type { DocPath } from './document.js';

interface Section {
  path: string[];
  /** 0-based line of the header (-1 for the root table). */
  line: number;
  /** Key assignments in the section body: dotted key segments and 0-based line. */
  keys: Array<{ key: string[]; line: number }>;
}

/**
 * Splits a TOML key expression (`a."b.c".'d'`) into segments. Returns undefined when the text is
 * not a plain key (the scan then ignores the line).
 */
export function splitTomlKey(expr: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  const n = expr.length;
  const skipWs = () => {
    while (i < n && (expr[i] === ' ' || expr[i] === '\t')) i++;
  };
  skipWs();
  while (i < n) {
    const ch = expr[i];
    let seg = '';
    if (ch === '"' || ch === "'") {
      const close = expr.indexOf(ch, i + 1);
      if (close === -1) return undefined;
      seg = expr.slice(i + 1, close);
      if (ch === '"') seg = seg.replace(/\\(.)/g, '$1');
      i = close + 1;
    } else {
      const start = i;
      while (i < n && /[A-Za-z0-9_-]/.test(expr[i] ?? '')) i++;
      if (i === start) return undefined;
      seg = expr.slice(start, i);
    }
    out.push(seg);
    skipWs();
    if (i >= n) break;
    if (expr[i] !== '.') return undefined;
    i++;
    skipWs();
  }
  return out.length > 0 ? out : undefined;
}

/** Text before the first `=` that is outside quotes, or undefined if the line is not an assignment. */
function assignmentKey(line: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '=') return line.slice(0, i);
    else if (ch === '#' || ch === '[' || ch === '{') return undefined;
  }
  return undefined;
}

/** Net `[`/`]` count of a line, ignoring brackets inside quoted strings and comments. */
function bracketDelta(text: string): number {
  let delta = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') break;
    else if (ch === '[') delta++;
    else if (ch === ']') delta--;
  }
  return delta;
}

function indexSections(text: string): Section[] {
  const lines = text.split('\n');
  const sections: Section[] = [{ path: [], line: -1, keys: [] }];
  let current = sections[0] as Section;
  // Skip continuation lines of multi-line arrays and strings so their content is not read as keys.
  let depth = 0;
  let inMultiline: string | undefined;
  lines.forEach((raw, idx) => {
    const line = raw.replace(/\r$/, '');
    if (inMultiline) {
      if (line.includes(inMultiline)) inMultiline = undefined;
      return;
    }
    if (depth > 0) {
      depth = Math.max(0, depth + bracketDelta(line));
      return;
    }
    const header = /^\s*\[\[?([^[\]]+)\]\]?\s*(?:#.*)?$/.exec(line);
    if (header?.[1] !== undefined) {
      const path = splitTomlKey(header[1]);
      if (path) {
        current = { path, line: idx, keys: [] };
        sections.push(current);
      }
      return;
    }
    const keyText = assignmentKey(line);
    if (keyText === undefined) return;
    const key = splitTomlKey(keyText);
    if (key) current.keys.push({ key, line: idx });
    const value = line.slice(line.indexOf('=', keyText.length) + 1).trim();
    const triple = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : undefined;
    if (triple && !value.slice(3).includes(triple)) inMultiline = triple;
    else if (value.startsWith('[')) depth = Math.max(0, bracketDelta(value));
  });
  return sections;
}

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((p, i) => p === of[i]);
}

/** Builds a `lineOf` for a TOML text: the 1-based line of the most specific header or key for a path. */
export function tomlLineLocator(text: string): (at: DocPath) => number | undefined {
  const sections = indexSections(text);
  return (at) => {
    const parts = at.map(String);
    let best: { score: number; line: number } | undefined;
    for (const s of sections) {
      if (!isPrefix(s.path, parts)) continue;
      const rest = parts.slice(s.path.length);
      if (rest.length === 0) {
        if (s.line >= 0 && (!best || s.path.length > best.score)) best = { score: s.path.length, line: s.line };
        continue;
      }
      for (const k of s.keys) {
        // `env.TOKEN = …` answers both ["env"] and ["env","TOKEN"]; `env = { … }` answers ["env","TOKEN"] too.
        const matched = isPrefix(k.key, rest) ? k.key.length : isPrefix(rest, k.key) ? rest.length : 0;
        if (matched === 0) continue;
        const score = s.path.length + matched;
        if (!best || score > best.score) best = { score, line: k.line };
      }
    }
    return best ? best.line + 1 : undefined;
  };
}
