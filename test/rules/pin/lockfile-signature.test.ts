import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/pin/lockfile-signature.js';

describe(rule.meta.id, () => {
  it('valid: a valid signature (trusted or not) reports nothing', () => {
    expect(rule.check({ status: 'valid', keyId: 'ed25519:ab', trusted: true }, {})).toEqual([]);
    expect(rule.check({ status: 'valid', keyId: 'ed25519:ab', trusted: false }, {})).toEqual([]);
  });

  it.each([
    [{ status: 'missing' as const }, 'missing'],
    [{ status: 'modified' as const, keyId: 'ed25519:ab' }, 'modified'],
    [{ status: 'other-key' as const, keyId: 'ed25519:cd', expected: ['ed25519:ab'] }, 'otherKey'],
    [{ status: 'malformed' as const, reason: 'bad' }, 'malformed'],
  ])('invalid: %j', (status, messageId) => {
    const reports = rule.check(status, {}) as Array<{ messageId: string; field?: string }>;
    expect(reports.map((r) => r.messageId)).toEqual([messageId]);
    expect(reports[0]?.field).toMatch(/^\/signature/);
    expect(rule.meta.severity).toBe('critical');
  });
});
