/**
 * @module SARIF 2.1.0 reporter, for GitHub code scanning and any SARIF viewer.
 *
 * Rules come from the registry (`tool.driver.rules`, with help text, default level, ATT&CK ids and a
 * link to the rule's doc page); each finding is a result pointing at its rule by id and index. An
 * incomplete scan is `executionSuccessful: false` with one `toolExecutionNotification` per error, so
 * a SARIF consumer can tell "nothing found" from "not everything checked".
 */
import type {
  Invocation,
  Location,
  Log,
  Notification,
  ReportingDescriptor,
  Result,
  Run,
} from 'sarif';
import type { Finding, ScanError, ScanReport, Severity } from '../model/index.js';
import { allRuleMetas } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';
import { PROJECT_URL, ruleDocsUrl } from './links.js';
import { fileUri, relativeInside } from './paths.js';
import type { RenderOptions, Reporter } from './types.js';
import { visible } from './visible.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Name of our entry in `partialFingerprints`; bump the suffix if Finding.fingerprint ever changes meaning. */
export const FINGERPRINT_KEY = 'mcpWarden/v1';
const SRCROOT = '%SRCROOT%';

/** SARIF result level for each severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * GitHub code scanning reads `properties["security-severity"]` (a CVSS-like score) to rank alerts:
 * >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. Info has none.
 */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: undefined,
};

/** `config/unpinned-package` → `UnpinnedPackage`: SARIF's `name` is an identifier, not a sentence. */
function ruleName(id: string): string {
  const last = id.split('/').pop() ?? id;
  return last
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function tags(category: string, attack: readonly string[]): string[] {
  return ['security', category, ...attack.map((id) => (id.startsWith('AML.') ? `atlas/${id}` : `attack/${id}`))];
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  const url = ruleDocsUrl(meta.id);
  const securitySeverity = SECURITY_SEVERITY[meta.severity];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: `${meta.description}\n\nRemediation: ${meta.remediation}\n\nDocumentation: ${url}`,
      markdown: `${meta.description}\n\n**Remediation:** ${meta.remediation}\n\n[Rule documentation](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: {
      tags: tags(meta.category, meta.attack),
      category: meta.category,
      severity: meta.severity,
      attack: [...meta.attack],
      remediation: meta.remediation,
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
    },
  };
}

/** A descriptor for a finding whose rule is not in the registry (built from the finding itself). */
function descriptorFromFinding(f: Finding): ReportingDescriptor {
  return descriptor({
    id: f.ruleId,
    title: f.title,
    description: f.title,
    severity: f.severity,
    category: f.category,
    attack: f.attack,
    remediation: f.remediation,
    messages: {},
  });
}

function artifactLocation(file: string, srcRoot: string | undefined): { uri: string; uriBaseId?: string } {
  const rel = relativeInside(file, srcRoot);
  if (rel !== undefined) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: fileUri(file) };
}

function logicalLocations(f: Finding): Location['logicalLocations'] {
  const out: NonNullable<Location['logicalLocations']> = [];
  const server = f.location.server;
  const prefix = f.location.client ? `${f.location.client}:` : '';
  if (server) out.push({ name: server, fullyQualifiedName: `${prefix}${server}`, kind: 'module' });
  if (f.location.tool) out.push({ name: f.location.tool, fullyQualifiedName: `${prefix}${server}/${f.location.tool}`, kind: 'function' });
  return out.length > 0 ? out : undefined;
}

function location(f: Finding, srcRoot: string | undefined): Location {
  const loc: Location = {};
  if (f.location.file) {
    loc.physicalLocation = {
      artifactLocation: artifactLocation(f.location.file, srcRoot),
      ...(f.location.line ? { region: { startLine: f.location.line } } : {}),
    };
  }
  const logical = logicalLocations(f);
  if (logical) loc.logicalLocations = logical;
  return loc;
}

function result(f: Finding, ruleIndex: number, srcRoot: string | undefined): Result {
  let text = f.message;
  if (f.evidence) text += `\nEvidence: ${f.evidence}`;
  if (f.decoded) text += `\nHidden text: ${f.decoded}`;
  // Viewers show the message to people: untrusted text made visible. Properties keep the exact text.
  text = visible(text);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    kind: 'fail',
    message: { text },
    locations: [location(f, srcRoot)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      severity: f.severity,
      category: f.category,
      attack: [...f.attack],
      ...(f.location.client ? { client: f.location.client } : {}),
      server: f.location.server,
      ...(f.location.tool ? { tool: f.location.tool } : {}),
      ...(f.location.field ? { field: f.location.field } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.decoded ? { decoded: f.decoded } : {}),
      ...(f.diff ? { diff: f.diff } : {}),
      ...(SECURITY_SEVERITY[f.severity] ? { 'security-severity': SECURITY_SEVERITY[f.severity] } : {}),
    },
  };
}

function errorNotification(e: ScanError, srcRoot: string | undefined): Notification {
  const n: Notification = {
    level: 'error',
    message: { text: e.message },
    descriptor: { id: `scan-error/${e.kind}` },
    properties: {
      kind: e.kind,
      source: e.source,
      ...(e.client ? { client: e.client } : {}),
      ...(e.server ? { server: e.server } : {}),
    },
  };
  // A source is a file path when absolute; otherwise it names a server.
  if (e.source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(e.source)) {
    n.locations = [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(e.source, srcRoot),
          ...(e.line ? { region: { startLine: e.line, ...(e.column ? { startColumn: e.column } : {}) } } : {}),
        },
      },
    ];
  }
  return n;
}

function ignoreNotifications(report: ScanReport, srcRoot: string | undefined): Notification[] {
  const s = report.suppression;
  if (!s?.settingsFile) return [];
  const out: Notification[] = [];
  for (const i of s.ignores) {
    if (i.status === 'applied') continue;
    const text =
      i.status === 'expired'
        ? `Ignore of ${i.rule} expired on ${i.until ?? '?'} and no longer applies (reason was: ${i.reason}).`
        : `Ignore of ${i.rule} matched no finding; remove it so it does not hide a future problem (reason was: ${i.reason}).`;
    out.push({
      level: i.status === 'expired' ? 'warning' : 'note',
      message: { text },
      descriptor: { id: `settings/${i.status}-ignore` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(s.settingsFile, srcRoot),
            ...(i.line ? { region: { startLine: i.line } } : {}),
          },
        },
      ],
      properties: { rule: i.rule },
    });
  }
  return out;
}

function invocation(report: ScanReport, srcRoot: string | undefined): Invocation {
  const started = Date.parse(report.startedAt);
  const inv: Invocation = {
    executionSuccessful: report.complete,
    commandLine: `mcp-warden ${report.command}`,
    toolExecutionNotifications: report.errors.map((e) => errorNotification(e, srcRoot)),
  };
  if (!Number.isNaN(started)) {
    inv.startTimeUtc = new Date(started).toISOString();
    inv.endTimeUtc = new Date(started + report.durationMs).toISOString();
  }
  const config = ignoreNotifications(report, srcRoot);
  if (config.length > 0) inv.toolConfigurationNotifications = config;
  return inv;
}

/** Builds the SARIF log object (exported for tests and for callers that post-process it). */
export function toSarif(report: ScanReport, opts: Pick<RenderOptions, 'srcRoot' | 'rules'> = {}): Log {
  const metas = opts.rules ?? allRuleMetas();
  const rules: ReportingDescriptor[] = [...metas].sort((a, b) => a.id.localeCompare(b.id)).map(descriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of report.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push(descriptorFromFinding(f));
    }
  }
  const run: Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: PROJECT_URL,
        rules,
      },
    },
    invocations: [invocation(report, opts.srcRoot)],
    results: report.findings.map((f) => result(f, index.get(f.ruleId) ?? 0, opts.srcRoot)),
    columnKind: 'utf16CodeUnits',
    properties: {
      complete: report.complete,
      summary: report.summary,
      ...(report.failOn ? { failOn: report.failOn } : {}),
      ...(report.notes.length > 0 ? { notes: report.notes } : {}),
    },
  };
  if (opts.srcRoot !== undefined) {
    const root = fileUri(opts.srcRoot);
    run.originalUriBaseIds = { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } };
  }
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export const sarifReporter: Reporter = {
  format: 'sarif',
  render(report, opts) {
    return `${JSON.stringify(toSarif(report, opts), null, 2)}\n`;
  },
};
