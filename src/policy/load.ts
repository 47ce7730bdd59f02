/**
 * @module policy/load
 * Reads a policy file and validates it, reporting every problem with its file, line and key path.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { parseConfigDocument } from '../discovery/parse-document.js';
import { PolicySchema, type Policy } from './schema.js';

/** One problem in a policy or gateway file. */
export interface FileIssue {
  file: string;
  line?: number;
  /** Dotted key path, e.g. `rules.2.args.path.regex`. */
  path: string;
  message: string;
}

/** A policy or gateway file that cannot be used; `issues` says where and why. */
export class FileValidationError extends WardenError {
  readonly issues: FileIssue[];
  constructor(what: string, issues: FileIssue[]) {
    const lines = issues.map((i) => `  ${i.file}${i.line !== undefined ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
    super(WardenErrorCode.InvalidInput, `invalid ${what}:\n${lines.join('\n')}`, { hint: 'fix the lines above; see docs/gateway.md for the file format' });
    this.name = 'FileValidationError';
    this.issues = issues;
  }
}

/** Largest policy or gateway file read (they are hand-written; anything bigger is a mistake or an attack). */
export const MAX_POLICY_FILE_BYTES = 1_000_000;

/**
 * Parses YAML (or JSON, a YAML subset) text and validates it with `schema`, mapping every issue to
 * the line of the offending key. Throws FileValidationError listing all issues.
 */
export function parseYamlFile<S extends z.ZodType>(text: string, file: string, schema: S, what: string): z.infer<S> {
  if (text.length > MAX_POLICY_FILE_BYTES) throw new FileValidationError(what, [{ file, path: '', message: `file is larger than ${MAX_POLICY_FILE_BYTES} bytes` }]);
  const parsed = parseConfigDocument(file, text, 'yaml');
  if (!parsed.ok) {
    const e = parsed.error;
    throw new FileValidationError(what, [{ file, ...(e.line !== undefined ? { line: e.line } : {}), path: '', message: e.message.replace(`${file}:${e.line ?? ''}: `, '') }]);
  }
  const result = schema.safeParse(parsed.doc.value ?? {});
  if (result.success) return result.data as z.infer<S>;
  const issues: FileIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
    const at = keys.length > 0 ? [...path, keys[0] as string] : path;
    const line = parsed.doc.lineOf(at) ?? parsed.doc.lineOf(path) ?? nearestLine(parsed.doc.lineOf, path);
    const message = issue.code === 'unrecognized_keys' ? `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return { file, ...(line !== undefined ? { line } : {}), path: path.join('.'), message };
  });
  throw new FileValidationError(what, issues);
}

function nearestLine(lineOf: (at: ReadonlyArray<string | number>) => number | undefined, path: ReadonlyArray<string | number>): number | undefined {
  for (let n = path.length - 1; n >= 0; n--) {
    const line = lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** Parses policy text (YAML). */
export function parsePolicy(text: string, file: string): Policy {
  return parseYamlFile(text, file, PolicySchema, 'policy');
}

/** Reads and validates a policy file. */
export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new WardenError(WardenErrorCode.Io, `cannot read policy ${file}: ${(err as Error).message}`);
  }
  return parsePolicy(text, file);
}
