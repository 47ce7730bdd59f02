import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CanonicalFormError, MAX_DEPTH, canonicalJson, canonicalText, hashJson, normalizeJson } from '../../src/pinning/canonical.js';

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

  it('the fast path (JSON.stringify of the normalised copy) equals the canonicalize package on varied input', () => {
    // A deterministic pseudo-random generator: the same varied corpus on every run.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const keys = ['a', 'B', 'é', 'z', '\u20ac', '\ud83d\ude00', 'aa', '', 'key with space', '0', '10', '2', '01', '-1', '1e3', '__proto__'];
    const strings = ['', 'x', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0000\u001f\u007f', '\u2028\u2029', '\ud800 lone', 'emoji \ud83d\ude00', '<script>'];
    const numbers = [0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 5e-324];
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 4 || r < 0.3) return pick<unknown>([pick(strings), pick(numbers), true, false, null]);
      if (r < 0.5) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(rnd() * 5); i++) Object.defineProperty(o, pick(keys), { value: gen(depth + 1), enumerable: true, writable: true, configurable: true });
      return o;
    };
    for (let i = 0; i < 2000; i++) {
      const v = gen(0);
      expect(canonicalText(v).text).toBe(canonicalJson(normalizeJson(v)));
    }
  });
});
