import { describe, expect, test } from 'vitest';
import { hasPlaceholder, resolvePlaceholders } from '../../src/mcp/placeholders.js';

const env = { TOKEN: 't0k', EMPTY: '', GITHUB_TOKEN: 'gh', github_pat: 'lower' };

describe('resolvePlaceholders', () => {
  test.each([
    ['${TOKEN}', 't0k'],
    ['Bearer ${env:TOKEN}', 'Bearer t0k'],
    ['${input:github_pat}', 'lower'],
    ['${input:github-token}', 'gh'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${TOKEN:-fallback}', 't0k'],
    ['no placeholders', 'no placeholders'],
    ['$TOKEN is not a placeholder', '$TOKEN is not a placeholder'],
  ])('%s -> %s', (text, value) => {
    expect(resolvePlaceholders(text, env)).toEqual({ value, missing: [] });
  });

  test.each([['${NOPE}'], ['${env:NOPE}'], ['${input:nope}'], ['${workspaceFolder}'], ['${command:pick}']])('%s is reported missing and left as written', (text) => {
    expect(resolvePlaceholders(`a ${text} b`, env)).toEqual({ value: `a ${text} b`, missing: [text] });
  });

  test('several placeholders, some missing', () => {
    expect(resolvePlaceholders('${TOKEN}:${A}:${B}', env)).toEqual({ value: 't0k:${A}:${B}', missing: ['${A}', '${B}'] });
  });

  test('linear on a 1 MB adversarial string', () => {
    const evil = '${'.repeat(500_000);
    expect(resolvePlaceholders(evil, env).missing).toEqual([]);
    expect(hasPlaceholder(evil)).toBe(false);
  });

  test('hasPlaceholder', () => {
    expect(hasPlaceholder('x ${A} y')).toBe(true);
    expect(hasPlaceholder('x $A y')).toBe(false);
  });
});
