import type { Finding, ScanError, ServerEntry } from '../model/index.js';
import { toFinding } from './finding.js';
import type { ConfigRule, ConfigRuleContext } from './config/types.js';

/**
 * Runs every config rule over every entry. A rule that throws becomes an `internal` ScanError for
 * that entry (the scan is then incomplete), never a crash and never a silent pass.
 */
export async function runConfigRules(
  rules: readonly ConfigRule[],
  entries: readonly ServerEntry[],
  contextFor: (entry: ServerEntry) => ConfigRuleContext,
): Promise<{ findings: Finding[]; errors: ScanError[] }> {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const entry of entries) {
    const ctx = contextFor(entry);
    for (const rule of rules) {
      try {
        for (const report of await rule.check(entry, ctx)) {
          findings.push(
            toFinding(rule.meta, report, {
              file: entry.configFile,
              line: report.line ?? entry.line,
              client: entry.client,
              server: entry.name,
            }),
          );
        }
      } catch (err) {
        errors.push({
          kind: 'internal',
          source: entry.configFile,
          server: entry.name,
          client: entry.client,
          message: `rule ${rule.meta.id} failed on server "${entry.name}": ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  }
  return { findings, errors };
}
