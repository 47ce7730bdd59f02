import type { AnalyzedDefinition } from '../analysis/definition.js';
import type { Finding, ScanError, ServerSnapshot } from '../model/index.js';
import { toFinding } from './finding.js';
import type { FlowRule, FlowSubject } from './flow/types.js';
import type { RuleReport } from './types.js';

/** Groups snapshots by the client (and file) that connects them: flow rules look at one group at a time. */
export function flowGroups(snapshots: readonly ServerSnapshot[], definitions: readonly AnalyzedDefinition[], toolFindings: readonly Finding[]): FlowSubject[] {
  const groups = new Map<string, FlowSubject & { servers: string[]; definitions: AnalyzedDefinition[]; toolFindings: Finding[] }>();
  const groupOf = new Map<string, string>();
  for (const s of snapshots) {
    const client = s.entry?.client ?? 'inventory';
    const key = `${client}\u0000${s.entry?.configFile ?? ''}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { client, servers: [], definitions: [], toolFindings: [] };
      if (s.entry?.configFile !== undefined) g.file = s.entry.configFile;
      groups.set(key, g);
    }
    g.servers.push(s.name);
    groupOf.set(`${key}\u0000${s.name}`, key);
  }
  const keyOfServer = (server: string, file: string | undefined, client: string | undefined): string | undefined => groupOf.get(`${client ?? 'inventory'}\u0000${file ?? ''}\u0000${server}`);
  const snapshotByName = new Map(snapshots.map((s) => [s.name, s]));
  for (const d of definitions) {
    const snap = snapshotByName.get(d.server);
    const key = keyOfServer(d.server, snap?.entry?.configFile, snap?.entry?.client);
    if (key !== undefined) groups.get(key)?.definitions.push(d);
  }
  for (const f of toolFindings) {
    const key = keyOfServer(f.location.server, f.location.file, f.location.client);
    if (key !== undefined) groups.get(key)?.toolFindings.push(f);
  }
  return [...groups.values()];
}

/** Runs every flow rule over every client group; a failing rule becomes an `internal` ScanError. */
export function runFlowRules(rules: readonly FlowRule[], groups: readonly FlowSubject[]): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const g of groups) {
    for (const rule of rules) {
      try {
        for (const r of rule.check(g, {}) as RuleReport[]) {
          const loc = { server: r.server ?? '', ...(g.file !== undefined ? { file: g.file } : {}), client: g.client };
          findings.push(toFinding(rule.meta, r, loc));
        }
      } catch (err) {
        errors.push({ kind: 'internal', source: g.file ?? g.client, message: `rule ${rule.meta.id} failed on client "${g.client}": ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  return { findings, errors };
}
