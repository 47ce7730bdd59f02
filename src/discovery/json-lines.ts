/**
 * @module discovery/json-lines
 * Line numbers for JSON/JSONC without building a syntax tree of the whole file. A tree of Claude
 * Code's `~/.claude.json` (megabytes of per-project history) cost more time and memory than the
 * rest of discovery; instead, each object or array reached by a lookup is indexed once (member
 * name → offsets), and every other value is skipped by counting brackets with the jsonc-parser
 * scanner. Iterative throughout, so hostile nesting cannot exhaust the stack.
 */
import { createScanner, type JSONScanner } from 'jsonc-parser';
import type { DocPath } from './document.js';

// jsonc-parser's SyntaxKind is a `const enum`, which isolatedModules cannot import; same values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const STRING = 10;
const EOF = 17;

interface Member {
  /** Offset of the property name (objects) or of the value (arrays). */
  anchor: number;
  /** Offset of the value's first token. */
  value: number;
}

type Container = { kind: 'object'; members: Map<string, Member> } | { kind: 'array'; items: Member[] };

/** Consumes the value whose first token was just scanned (a literal, or a whole object/array). */
function skipValue(scanner: JSONScanner, first: number): void {
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return;
  let depth = 1;
  while (depth > 0) {
    const t = scanner.scan();
    if (t === OPEN_BRACE || t === OPEN_BRACKET) depth++;
    else if (t === CLOSE_BRACE || t === CLOSE_BRACKET) depth--;
    else if (t === EOF) return;
  }
}

/**
 * Returns `offsetOf(path)`: the offset of the property name at `path` (or of the array item, or
 * of the root for an empty path), or undefined when the path is not in the text. Meant for text
 * that already parsed without errors; later duplicate keys win, as they do in the parsed value.
 */
export function jsonOffsetLocator(text: string): (at: DocPath) => number | undefined {
  const scanner = createScanner(text, true);
  const containers = new Map<number, Container | null>();

  function containerAt(offset: number): Container | null {
    const cached = containers.get(offset);
    if (cached !== undefined) return cached;
    scanner.setPosition(offset);
    const open = scanner.scan();
    let result: Container | null = null;
    if (open === OPEN_BRACE) {
      const members = new Map<string, Member>();
      for (let t = scanner.scan(); t !== CLOSE_BRACE && t !== EOF; t = scanner.scan()) {
        if (t === COMMA) continue;
        if (t !== STRING) break;
        const anchor = scanner.getTokenOffset();
        const name = scanner.getTokenValue();
        scanner.scan(); // the colon
        const first = scanner.scan();
        members.set(name, { anchor, value: scanner.getTokenOffset() });
        skipValue(scanner, first);
      }
      result = { kind: 'object', members };
    } else if (open === OPEN_BRACKET) {
      const items: Member[] = [];
      for (let t = scanner.scan(); t !== CLOSE_BRACKET && t !== EOF; t = scanner.scan()) {
        if (t === COMMA) continue;
        const at = scanner.getTokenOffset();
        items.push({ anchor: at, value: at });
        skipValue(scanner, t);
      }
      result = { kind: 'array', items };
    }
    containers.set(offset, result);
    return result;
  }

  let rootOffset: number | undefined;
  return (at) => {
    if (rootOffset === undefined) {
      scanner.setPosition(0);
      scanner.scan();
      rootOffset = scanner.getTokenOffset();
    }
    let member: Member = { anchor: rootOffset, value: rootOffset };
    for (const key of at) {
      const c = containerAt(member.value);
      const next = c?.kind === 'object' ? c.members.get(String(key)) : c?.kind === 'array' && typeof key === 'number' ? c.items[key] : undefined;
      if (!next) return undefined;
      member = next;
    }
    return member.anchor;
  };
}
