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
  /** Key assignments in the section body: dotted key segments, 0-based line, and for arrays each element's line. */
  keys: Array<{ key: string[]; line: number; elements?: number[] }>;
}

/** A-Z a-z 0-9 _ - (the characters of a TOML bare key). */
function isBareKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
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
      while (i < n && isBareKeyChar(expr.charCodeAt(i))) i++;
      if (i === start) return undefined;
      seg = expr.slice(start, i);
    }
    out.push(seg);
    skipWs();
    if (i >= n) break;
    if (expr[i] !== '.') return undefined;
    i++;
    skipWs();
    if (i >= n) return undefined; // a trailing dot
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

interface ArrayScan {
  /** 0-based line where the array closes. */
  endLine: number;
  /** 0-based line where each top-level element starts. */
  elements: number[];
}

/**
 * Walks an array value from its opening `[` (at `lines[line][col]`) to its closing `]`, across
 * lines, noting where each top-level element starts. Strings (basic, literal, multi-line) and
 * comments are skipped, so brackets and commas inside them do not count.
 */
function scanArray(lines: readonly string[], line: number, col: number): ArrayScan {
  const elements: number[] = [];
  let depth = 0;
  let expecting = false;
  let quote: string | undefined;
  for (let l = line; l < lines.length; l++) {
    const text = lines[l] ?? '';
    for (let i = l === line ? col : 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (quote !== undefined) {
        if (ch === '\\' && quote.startsWith('"')) i++;
        else if (text.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = undefined;
        }
        continue;
      }
      if (ch === '#') break;
      if (ch === ' ' || ch === '\t' || ch === '\r') continue;
      if (depth === 1 && expecting && ch !== ',' && ch !== ']') {
        elements.push(l);
        expecting = false;
      }
      if (ch === '"' || ch === "'") quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      if (quote !== undefined && quote.length === 3) i += 2;
      else if (ch === '[' || ch === '{') {
        depth++;
        if (depth === 1) expecting = true;
      } else if (ch === ']' || ch === '}') {
        depth--;
        if (depth === 0) return { endLine: l, elements };
      } else if (ch === ',' && depth === 1) expecting = true;
    }
  }
  return { endLine: lines.length - 1, elements };
}

function indexSections(text: string): Section[] {
  const lines = text.split('\n');
  const sections: Section[] = [{ path: [], line: -1, keys: [] }];
  let current = sections[0] as Section;
  // Continuation lines of multi-line arrays and strings are skipped so their content is not read as keys.
  let skipThrough = -1;
  let inMultiline: string | undefined;
  lines.forEach((raw, idx) => {
    if (idx <= skipThrough) return;
    const line = raw.replace(/\r$/, '');
    if (inMultiline) {
      if (line.includes(inMultiline)) inMultiline = undefined;
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
    const valueStart = line.indexOf('=', keyText.length) + 1;
    const value = line.slice(valueStart).trim();
    let elements: number[] | undefined;
    const triple = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : undefined;
    if (triple && !value.slice(3).includes(triple)) inMultiline = triple;
    else if (value.startsWith('[')) {
      const scan = scanArray(lines, idx, line.indexOf('[', valueStart));
      elements = scan.elements;
      skipThrough = scan.endLine;
    }
    if (key) current.keys.push({ key, line: idx, ...(elements ? { elements } : {}) });
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
        // `args = [ … ]` spread over lines: an index after the key points at that element's line.
        const element = k.elements !== undefined && rest.length === k.key.length + 1 ? k.elements[Number(rest[k.key.length])] : undefined;
        const score = s.path.length + matched + (element !== undefined ? 1 : 0);
        if (!best || score > best.score) best = { score, line: element ?? k.line };
      }
    }
    return best ? best.line + 1 : undefined;
  };
}
