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

// Unpaired surrogates, matched per UTF-16 code unit (no `u` flag); linear, no nested quantifiers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
// Keys a JS engine orders before all others whatever the insertion order (array-index-like).
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

function wellFormed(s: string): string {
  return ANY_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}

interface NormalizeState {
  /** Set when some object has an array-index-like key: then JSON.stringify order is not JCS order. */
  indexKeys: boolean;
}

function normalize(value: unknown, depth: number, state: NormalizeState): unknown {
  if (depth > MAX_DEPTH) throw new CanonicalFormError(`nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return wellFormed(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = value[i] === undefined ? null : normalize(value[i], depth + 1, state);
        return out;
      }
      const src = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units: the order RFC 8785 prescribes.
      const keys = Object.keys(src).sort();
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const v = src[key];
        if (v === undefined) continue;
        const k = wellFormed(key);
        // A repaired key may sort differently: redo this object the slow way (rare).
        if (k !== key) return normalizeRepairedKeys(src, depth, state);
        const c = k.charCodeAt(0);
        if (c >= 48 && c <= 57 && INDEX_KEY.test(k)) state.indexKeys = true;
        // `__proto__` must become an own property, never go through the prototype setter.
        if (k === '__proto__') Object.defineProperty(out, k, { value: normalize(v, depth + 1, state), enumerable: true, writable: true, configurable: true });
        else out[k] = normalize(v, depth + 1, state);
      }
      return out;
    }
    default:
      // bigint, function, symbol: never produced by JSON.parse; refuse rather than guess.
      throw new CanonicalFormError(`value of type ${typeof value} is not JSON`);
  }
}

/** Objects with lone surrogates in keys: repair every key first, then sort. */
function normalizeRepairedKeys(src: Record<string, unknown>, depth: number, state: NormalizeState): Record<string, unknown> {
  const entries = Object.keys(src)
    .filter((key) => src[key] !== undefined)
    .map((key): [string, unknown] => [wellFormed(key), src[key]])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (INDEX_KEY.test(k)) state.indexKeys = true;
    Object.defineProperty(out, k, { value: normalize(v, depth + 1, state), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Deep copy of a JSON-like value in canonical shape: object keys sorted as JCS sorts them (UTF-16
 * code units), `undefined` members dropped, lone surrogates replaced by U+FFFD (JCS rejects them;
 * the two render identically, so nothing can hide in that swap), non-finite numbers turned into
 * null (as JSON.stringify does). Keys such as `__proto__` stay plain data.
 *
 * Storing this copy means the definition in the lockfile is exactly what was hashed.
 */
export function normalizeJson(value: unknown): unknown {
  return normalize(value, 0, { indexKeys: false });
}

/** RFC 8785 canonical JSON text of a value already passed through normalizeJson (canonicalize package). */
export function canonicalJson(normalized: unknown): string {
  const text = canonicalize(normalized);
  if (text === undefined) throw new CanonicalFormError('value has no JSON form');
  return text;
}

/**
 * RFC 8785 canonical JSON of any value, and its normalised copy. For a normalised value without
 * array-index-like keys, JSON.stringify already emits JCS text (keys in the sorted insertion order,
 * ECMAScript number and string serialisation, no whitespace) several times faster than a recursive
 * canonicaliser; with such keys (engines put them first), the canonicalize package does the work.
 * test/pinning/canonical.test.ts checks that both paths agree.
 */
export function canonicalText(value: unknown): { text: string; normalized: unknown } {
  const state: NormalizeState = { indexKeys: false };
  const normalized = normalize(value, 0, state);
  return { text: state.indexKeys ? canonicalJson(normalized) : JSON.stringify(normalized), normalized };
}

/** `sha256:<hex>` of a UTF-8 string. */
export function sha256(text: string): PinHash {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Hash of a JSON value: SHA-256 over its RFC 8785 canonical form. Returns the normalised copy too. */
export function hashJson(value: unknown): { hash: PinHash; normalized: unknown } {
  const { text, normalized } = canonicalText(value);
  return { hash: sha256(text), normalized };
}
