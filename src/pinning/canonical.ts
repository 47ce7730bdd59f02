/**
 * @module pinning/canonical
 * Canonical JSON (RFC 8785, JCS) and the SHA-256 hashes every pin is built from.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { PinHash } from '../model/index.js';

/** Deeper than this, a definition is refused rather than risking the stack on hostile input. */
export const MAX_DEPTH = 200;

/** A definition that cannot be pinned (too deep, not JSON). Carries the reason for the report. */
export class CanonicalFormError extends Error {
  override readonly name = 'CanonicalFormError';
}

/**
 * Deep copy of a JSON-like value in canonical shape: object keys sorted as JCS sorts them (UTF-16
 * code units), `undefined` members dropped, lone surrogates replaced by U+FFFD (JCS rejects them;
 * the two render identically, so nothing can hide in that swap), non-finite numbers turned into
 * null (as JSON.stringify does). Keys such as `__proto__` stay plain data (Object.fromEntries
 * defines own properties, it never touches the prototype).
 *
 * Storing this copy means the definition in the lockfile is exactly what was hashed.
 */
// Unpaired surrogates, matched per UTF-16 code unit (no `u` flag); linear, no nested quantifiers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

export function normalizeJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new CanonicalFormError(`nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return wellFormed(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalizeJson(v, depth + 1)));
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, unknown] => [wellFormed(k), normalizeJson(v, depth + 1)])
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    default:
      // bigint, function, symbol: never produced by JSON.parse; refuse rather than guess.
      throw new CanonicalFormError(`value of type ${typeof value} is not JSON`);
  }
}

/** RFC 8785 canonical JSON text of a value already passed through normalizeJson. */
export function canonicalJson(normalized: unknown): string {
  const text = canonicalize(normalized);
  if (text === undefined) throw new CanonicalFormError('value has no JSON form');
  return text;
}

/** `sha256:<hex>` of a UTF-8 string. */
export function sha256(text: string): PinHash {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Hash of a JSON value: SHA-256 over its RFC 8785 canonical form. Returns the normalised copy too. */
export function hashJson(value: unknown): { hash: PinHash; normalized: unknown } {
  const normalized = normalizeJson(value);
  return { hash: sha256(canonicalJson(normalized)), normalized };
}
