import { analyzeSnapshot, type AnalysisCache, type AnalyzedDefinition } from '../analysis/definition.js';
import type { Finding, FindingLocation, ScanError, ServerSnapshot } from '../model/index.js';
import { toFinding } from './finding.js';
import type { RuleReport } from './types.js';
import type { ToolRule } from './tool/types.js';

export interface ToolRunResult {
  findings: Finding[];
  errors: ScanError[];
  /** Analysed definitions per server, for flow rules. */
  definitions: AnalyzedDefinition[];
}

/** Location of a snapshot in reports: the inventory file or config it came from, and its client. */
export function snapshotLocation(snapshot: ServerSnapshot): FindingLocation {
  const loc: FindingLocation = { server: snapshot.name };
  if (snapshot.entry !== undefined) {
    loc.file = snapshot.entry.configFile;
    loc.client = snapshot.entry.client;
  }
  return loc;
}

/**
 * Runs every tool rule over every definition of every snapshot. A rule that throws becomes an
 * `internal` ScanError for that server (the scan is then incomplete), never a crash.
 */
export function runToolRules(rules: readonly ToolRule[], snapshots: readonly ServerSnapshot[]): ToolRunResult {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const definitions: AnalyzedDefinition[] = [];
  const cache: AnalysisCache = new Map();
  for (const snapshot of snapshots) {
    const base = snapshotLocation(snapshot);
    let defs: AnalyzedDefinition[];
    try {
      defs = analyzeSnapshot(snapshot, cache);
    } catch (err) {
      errors.push({ kind: 'internal', source: base.file ?? snapshot.name, server: snapshot.name, message: `could not analyse server "${snapshot.name}": ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    definitions.push(...defs);
    for (const def of defs) {
      for (const rule of rules) {
        try {
          const reports = rule.check(def, { snapshot }) as RuleReport[];
          for (const r of reports) {
            const loc: FindingLocation = { ...base };
            if (def.tool !== undefined) loc.tool = def.tool;
            findings.push(toFinding(rule.meta, r, loc));
          }
        } catch (err) {
          errors.push({
            kind: 'internal',
            source: base.file ?? snapshot.name,
            server: snapshot.name,
            message: `rule ${rule.meta.id} failed on ${def.kind} "${def.name}" of server "${snapshot.name}": ${err instanceof Error ? err.message : String(err)}`,
          });
        }
      }
    }
  }
  return { findings, errors, definitions };
}
