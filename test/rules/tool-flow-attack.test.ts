/**
 * @fileoverview Tool and flow rules (prompt-injection detectors) carry ATLAS AML.T0051 and at least
 * one ATT&CK technique. Registry, file, test and doc parity for every kind is in registry.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { flowRules, toolRules } from '../../src/rules/index.js';

describe.each([
  ['tool', toolRules],
  ['flow', flowRules],
] as const)('%s rules', (_kind, registry) => {
  it('are listed sorted by id', () => {
    const ids = Object.keys(registry);
    expect(ids).toEqual([...ids].sort());
  });
  it('map every detector to ATLAS AML.T0051 and at least one ATT&CK technique', () => {
    for (const rule of Object.values(registry)) {
      if (rule.meta.id === 'tool/malformed-definition') continue;
      expect(rule.meta.attack, rule.meta.id).toContain('AML.T0051');
      expect(rule.meta.attack.some((a: string) => /^T\d{4}/.test(a)), rule.meta.id).toBe(true);
    }
  });
});
