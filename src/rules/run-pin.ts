import type { Finding, FindingLocation, ScanError } from '../model/index.js';
import type { DriftChange } from '../pinning/drift.js';
import type { SignatureStatus } from '../pinning/signature.js';
import { toFinding } from './finding.js';
import type { PinRule, SignatureRule } from './pin/types.js';
import type { RuleReport } from './types.js';

/** Pin rules are pure and synchronous (10k drift changes must not cost 10k promise turns). */
function syncReports(out: RuleReport[] | Promise<RuleReport[]>): RuleReport[] {
  if (!Array.isArray(out)) throw new Error('pin rules must return their reports synchronously');
  return out;
}

/**
 * Runs every drift rule over every drift change. A rule that throws becomes an `internal` ScanError
 * (the check is then incomplete), never a crash and never a silent pass.
 */
export function runPinRules(
  rules: readonly PinRule[],
  changes: readonly DriftChange[],
  locate: (change: DriftChange) => FindingLocation,
): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const change of changes) {
    const base = locate(change);
    for (const rule of rules) {
      try {
        for (const report of syncReports(rule.check(change, {}))) findings.push(toFinding(rule.meta, report, base));
      } catch (err) {
        errors.push({
          kind: 'internal',
          source: base.file ?? change.server,
          server: change.server,
          message: `rule ${rule.meta.id} failed on server "${change.server}": ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  }
  return { findings, errors };
}

/** The signature finding, if any, located at the lockfile. */
export function runSignatureRules(rules: readonly SignatureRule[], status: SignatureStatus, base: FindingLocation): Finding[] {
  return rules.flatMap((rule) => syncReports(rule.check(status, {})).map((r) => toFinding(rule.meta, r, base)));
}
