import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CanonicalFormError, MAX_DEPTH, canonicalJson, hashJson, normalizeJson } from '../../src/pinning/canonical.js';

const sha = (s: string) => `sha256:${createHash('sha256').update(s, 'utf8').digest('hex')}`;

describe('canonical form (RFC 8785)', () => {
  it('sorts keys recursively and drops undefined members', () => {
    expect(canonicalJson(normalizeJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } }))).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('hashes the canonical text with SHA-256, independent of key order and whitespace', () => {
    const a = hashJson(JSON.parse('{ "name": "t", "inputSchema": {"type":"object"} }'));
    const b = hashJson({ inputSchema: { type: 'object' }, name: 't' });
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(sha('{"inputSchema":{"type":"object"},"name":"t"}'));
  });

  it('serialises numbers as ECMAScript does (JCS), so 1.0 and 1 hash the same', () => {
    expect(hashJson(JSON.parse('{"x":1.0}')).hash).toBe(hashJson({ x: 1 }).hash);
    expect(canonicalJson(normalizeJson({ x: 1e21, y: 0.000001 }))).toBe('{"x":1e+21,"y":0.000001}');
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(Object.keys(normalizeJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3, A: 4 }) as object)).toEqual(['A', 'z', '\u00e9', '\ud83d\ude00']);
  });

  it('keeps __proto__ as plain data, never as a prototype', () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as object;
    const n = normalizeJson(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(n)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(canonicalJson(n)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('replaces lone surrogates instead of crashing (JCS refuses them)', () => {
    const h = hashJson({ description: 'a\ud800b' });
    expect((h.normalized as { description: string }).description).toBe('a\ufffdb');
  });

  it('turns non-finite numbers into null like JSON.stringify', () => {
    expect(canonicalJson(normalizeJson({ a: Infinity, b: NaN }))).toBe('{"a":null,"b":null}');
  });

  it('refuses definitions nested deeper than the limit with a typed error', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { d: deep };
    expect(() => hashJson(deep)).toThrow(CanonicalFormError);
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => normalizeJson({ a: 1n })).toThrow(CanonicalFormError);
  });
});
