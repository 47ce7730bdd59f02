import { describe, expect, it } from 'vitest';
import type { ServerSnapshot, Severity } from '../../src/model/index.js';
import { diffPins, type DriftChange } from '../../src/pinning/drift.js';
import type { PinRule } from '../../src/rules/pin/types.js';
import type { RuleReport } from '../../src/rules/types.js';
import { pinned } from './pin-fixtures.js';

/** The drift between two sets of snapshots, as `pin --check` computes it. */
export function driftOf(before: readonly ServerSnapshot[], after: readonly ServerSnapshot[]): DriftChange[] {
  return diffPins(before.map(pinned), after.map(pinned), { reportAdded: true, reportRemoved: true });
}

export interface ExpectedPinReport {
  messageId: string;
  severity?: Severity;
  field?: string;
  tool?: string;
  /** Lines the diff must contain. */
  diff?: string[];
}

export interface PinRuleCases {
  /** Drift that this rule must not report (other kinds, or no drift at all). */
  valid: Array<{ name: string; before: ServerSnapshot[]; after: ServerSnapshot[] }>;
  /** Drift this rule must report exactly as listed (over all changes of the drift). */
  invalid: Array<{ name: string; before: ServerSnapshot[]; after: ServerSnapshot[]; reports: ExpectedPinReport[] }>;
}

/** ESLint RuleTester shape for drift rules: runs the rule over every change of the drift. */
export function testPinRule(rule: PinRule, cases: PinRuleCases): void {
  const run = (before: ServerSnapshot[], after: ServerSnapshot[]): RuleReport[] => driftOf(before, after).flatMap((c) => rule.check(c, {}) as RuleReport[]);
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(run(c.before, c.after)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const reports = run(c.before, c.after);
        expect(reports).toHaveLength(c.reports.length);
        c.reports.forEach((want, i) => {
          const got = reports[i]!;
          expect(got.messageId).toBe(want.messageId);
          expect(rule.meta.messages[got.messageId as keyof typeof rule.meta.messages]).toBeDefined();
          if (want.severity !== undefined) expect(got.severity ?? rule.meta.severity).toBe(want.severity);
          if (want.field !== undefined) expect(got.field).toBe(want.field);
          if (want.tool !== undefined) expect(got.tool).toBe(want.tool);
          for (const l of want.diff ?? []) expect(got.diff?.split('\n')).toContain(l);
          expect(got.evidence).toMatch(/→/);
        });
      });
    }
  });
}
