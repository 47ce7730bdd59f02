import { describe, expect, it } from 'vitest';
import { unsafeRegexReason } from '../../src/policy/regex-safety.js';

describe('unsafeRegexReason', () => {
  const safe = ['^[a-z0-9-]+$', 'main|develop', 'feature/[a-z]{1,40}', '(?:ab)+', '[(+*]+', '\\d{3}-\\d{2}-\\d{4}', '(foo)bar?'];
  const unsafe = ['(a+)+', '(a|aa)*', '(?:\\w+\\s?)*$', '(a*)*', '(.*a){2,}', '(\\d+)\\1', '(?<x>a)\\k<x>', '((ab)*c)+'];

  it.each(safe)('accepts %s', (p) => expect(unsafeRegexReason(p)).toBeUndefined());
  it.each(unsafe)('rejects %s', (p) => expect(unsafeRegexReason(p)).toBeDefined());

  it('requires explicit bounds when asked', () => {
    expect(unsafeRegexReason('[a-z]+@x', { bounded: true })).toMatch(/unbounded/);
    expect(unsafeRegexReason('[a-z]{1,64}@[a-z.]{1,253}', { bounded: true })).toBeUndefined();
    expect(unsafeRegexReason('a{1,1000}', { bounded: true })).toMatch(/limit/);
  });

  it('reports structural errors', () => {
    expect(unsafeRegexReason('(abc')).toMatch(/unbalanced/);
    expect(unsafeRegexReason('abc)')).toMatch(/unbalanced/);
    expect(unsafeRegexReason('[abc')).toMatch(/unterminated/);
  });
});
