import type { Finding, ScanError } from '../model/index.js';
import { toFinding } from './finding.js';
import type { LiveObservation, LiveRule } from './live/types.js';

/**
 * Runs every live rule over every observation. A rule that throws becomes an `internal` ScanError
 * for that server (the scan is then incomplete), never a crash and never a silent pass.
 */
export async function runLiveRules(rules: readonly LiveRule[], observations: readonly LiveObservation[]): Promise<{ findings: Finding[]; errors: ScanError[] }> {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const o of observations) {
    for (const rule of rules) {
      try {
        for (const report of await rule.check(o, {})) {
          findings.push(
            toFinding(rule.meta, report, {
              file: o.entry.configFile,
              line: report.line ?? o.entry.line,
              client: o.entry.client,
              server: o.entry.name,
            }),
          );
        }
      } catch (err) {
        errors.push({
          kind: 'internal',
          source: o.entry.configFile,
          server: o.entry.name,
          client: o.entry.client,
          message: `rule ${rule.meta.id} failed on server "${o.entry.name}": ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  }
  return { findings, errors };
}
