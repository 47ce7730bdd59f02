import * as jsonc from 'jsonc-parser';
import type { ScanError } from '../model/index.js';
import { jsonOffsetLocator } from './json-lines.js';

export type DocumentFormat = 'json' | 'jsonc' | 'toml' | 'yaml';
export type DocPath = ReadonlyArray<string | number>;

/** A parsed config file that can say on which line a value sits. */
export interface ConfigDocument {
  path: string;
  format: DocumentFormat;
  value: unknown;
  /** 1-based line of the value (or key) at `at`, if known. */
  lineOf(at: DocPath): number | undefined;
}

export type ParseOutcome = { ok: true; doc: ConfigDocument } | { ok: false; error: ScanError };

/** 1-based line number of a character offset. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Precomputes line starts so many lookups on one file stay cheap. */
export function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Error for a document so deeply nested that a parser ran out of stack: hostile or broken, never a config. */
export function tooDeep(path: string, format: DocumentFormat): ScanError {
  return { kind: 'parse', source: path, message: `${path}: invalid ${format.toUpperCase()}: nesting too deep to be a config file` };
}

/** jsonc-parser options: comments and trailing commas are accepted, an empty (or comments-only) file too. */
const JSONC_OPTIONS: jsonc.ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/**
 * Parses JSON or JSONC (comments and trailing commas). Strict JSON clients still get JSONC parsing:
 * being lenient when reading costs nothing, and the error we report for genuinely broken files names
 * the line either way. A file holding only comments declares nothing (VS Code writes such files).
 * Plain JSON takes the native parser; line numbers are looked up lazily (json-lines.ts).
 */
export function parseJsonDocument(path: string, text: string, format: 'json' | 'jsonc' = 'jsonc'): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, error: tooDeep(path, format) };
    const errors: jsonc.ParseError[] = [];
    try {
      value = jsonc.parse(text, errors, JSONC_OPTIONS) as unknown;
    } catch (inner) {
      // jsonc-parser recurses per nesting level; a hostile file of nested brackets exhausts the stack.
      if (inner instanceof RangeError) return { ok: false, error: tooDeep(path, format) };
      throw inner;
    }
    const first = errors[0];
    if (first !== undefined) {
      const line = lineAtOffset(text, first.offset);
      // `ValueExpected` → `value expected`: the parser's codes, in words.
      const reason = jsonc.printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return { ok: false, error: { kind: 'parse', source: path, line, message: `${path}:${line}: invalid ${format.toUpperCase()}: ${reason}` } };
    }
  }
  let offsetOf: ((at: DocPath) => number | undefined) | undefined;
  let toLine: ((offset: number) => number) | undefined;
  return {
    ok: true,
    doc: {
      path,
      format,
      value,
      lineOf(at) {
        if (value === undefined) return undefined;
        offsetOf ??= jsonOffsetLocator(text);
        toLine ??= lineIndex(text);
        const offset = offsetOf(at);
        return offset === undefined ? undefined : toLine(offset);
      },
    },
  };
}
