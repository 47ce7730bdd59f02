import {
  REPORT_SCHEMA_VERSION,
  SEVERITIES,
  bySeverityDesc,
  type Finding,
  type ScanError,
  type ScanReport,
  type ServerEntry,
  type Severity,
} from '../model/index.js';
import { VERSION } from '../version.js';

export interface ReportParts {
  command: string;
  startedAt: Date;
  entries: readonly ServerEntry[];
  /** Tool counts per server name, for servers whose definitions were analysed. */
  toolCounts?: ReadonlyMap<string, number>;
  findings: readonly Finding[];
  errors: readonly ScanError[];
  suppressed?: number;
  notes?: readonly string[];
  failOn?: Severity;
}

/** Assembles the report every reporter renders. `complete` is false as soon as anything was not checked. */
export function buildReport(p: ReportParts): ScanReport {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of p.findings) bySeverity[f.severity]++;
  const findings = [...p.findings].sort(
    (a, b) =>
      bySeverityDesc(a, b) ||
      a.location.server.localeCompare(b.location.server) ||
      (a.location.tool ?? '').localeCompare(b.location.tool ?? '') ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const report: ScanReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'mcp-warden', version: VERSION },
    command: p.command,
    startedAt: p.startedAt.toISOString(),
    durationMs: Date.now() - p.startedAt.getTime(),
    complete: p.errors.length === 0,
    summary: {
      servers: p.entries.length,
      findings: findings.length,
      bySeverity,
      errors: p.errors.length,
      suppressed: p.suppressed ?? 0,
    },
    servers: p.entries.map((e) => ({
      name: e.name,
      client: e.client,
      scope: e.scope,
      configFile: e.configFile,
      ...(e.project !== undefined ? { project: e.project } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
      transport: e.transport,
      disabled: e.disabled,
      ...(p.toolCounts?.has(e.name) ? { tools: p.toolCounts.get(e.name) } : {}),
    })),
    findings,
    errors: [...p.errors],
    notes: [...(p.notes ?? [])],
  };
  if (p.failOn) report.failOn = p.failOn;
  return report;
}
