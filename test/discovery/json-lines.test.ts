import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../src/discovery/document.js';
import { jsonOffsetLocator } from '../../src/discovery/json-lines.js';

describe('JSON line lookups', () => {
  const text = [
    '// leading comment', // 1
    '{', // 2
    '  "a": { "skip": [1, [2, {"x": "}"}], "]"], /* { */ "b": {', // 3
    '    "c": [', // 4
    '      "first",', // 5
    '      { "d": true },', // 6
    '    ],', // 7
    '  } },', // 8
    '  "dup": 1,', // 9
    '  "dup": 2,', // 10
    '}', // 11
  ].join('\n');
  const doc = (() => {
    const r = parseJsonDocument('/x.json', text);
    if (!r.ok) throw new Error(r.error.message);
    return r.doc;
  })();

  it('finds keys and array items past comments, strings holding brackets, and trailing commas', () => {
    expect(doc.lineOf([])).toBe(2);
    expect(doc.lineOf(['a'])).toBe(3);
    expect(doc.lineOf(['a', 'b'])).toBe(3);
    expect(doc.lineOf(['a', 'b', 'c'])).toBe(4);
    expect(doc.lineOf(['a', 'b', 'c', 0])).toBe(5);
    expect(doc.lineOf(['a', 'b', 'c', 1, 'd'])).toBe(6);
  });

  it('answers the last of duplicate keys, as the parsed value does', () => {
    expect((doc.value as { dup: number }).dup).toBe(2);
    expect(doc.lineOf(['dup'])).toBe(10);
  });

  it('returns undefined for paths that are not there', () => {
    expect(doc.lineOf(['a', 'nope'])).toBeUndefined();
    expect(doc.lineOf(['a', 'b', 'c', 7])).toBeUndefined();
    expect(doc.lineOf(['dup', 'x'])).toBeUndefined();
  });

  it('finds every server in a file with thousands of project keys (speed: npm run bench:discovery)', () => {
    const big = JSON.stringify({ projects: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`/p${i}`, { history: Array(5).fill('{"x": ["]"]}'), mcpServers: { s: { command: 'x' } } }])) }, null, 1);
    const offsetOf = jsonOffsetLocator(big);
    for (let i = 0; i < 2000; i += 97) {
      const offset = offsetOf(['projects', `/p${i}`, 'mcpServers', 's', 'command']) ?? -1;
      expect(big.slice(offset, offset + 9)).toBe('"command"');
      expect(big.lastIndexOf(`"/p${i}"`, offset)).toBeGreaterThan(big.lastIndexOf(`"/p${i - 1}"`, offset));
    }
  });
});
