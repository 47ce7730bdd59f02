import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { ScanErrorSchema } from './scan-error.js';
import { SeveritySchema } from './severity.js';
import { ScopeSchema, TransportSchema } from './server-entry.js';

/** Version of the JSON report format (schema/report.schema.json). Bump on breaking changes. */
export const REPORT_SCHEMA_VERSION = 1;

/** A scanned server as listed in a report (no env/header values: those may hold secrets). */
export const ServerSummarySchema = z.object({
  name: z.string().describe('Server name as declared.'),
  client: z.string().describe('Client id, e.g. `claude-desktop`, `cursor`, `vscode`.'),
  scope: ScopeSchema.describe('user, project, managed, plugin, file (--config) or inventory.'),
  configFile: z.string().describe('Config file that declares the server.'),
  project: z.string().optional().describe('Project directory a project-scoped declaration belongs to (e.g. a key of projects in ~/.claude.json).'),
  line: z.number().int().positive().optional().describe('1-based line of the declaration.'),
  transport: TransportSchema,
  disabled: z.boolean(),
  tools: z.number().int().nonnegative().optional().describe('Tool count when definitions were analysed (inventory or live), else absent.'),
});
export type ServerSummary = z.infer<typeof ServerSummarySchema>;

/** A finding left out of `findings` by the baseline or an ignore in the project settings. */
export const SuppressedFindingSchema = z.object({
  fingerprint: z.string().describe('Finding.fingerprint of the suppressed finding.'),
  ruleId: z.string(),
  severity: SeveritySchema,
  server: z.string(),
  tool: z.string().optional(),
  file: z.string().optional(),
  by: z.enum(['baseline', 'ignore']).describe('What suppressed it: the --baseline file or an ignore in the settings file.'),
  reason: z.string().optional().describe('The reason given by the ignore (ignores only).'),
  ignoreLine: z.number().int().positive().optional().describe('Line of the ignore in the settings file (ignores only).'),
});
export type SuppressedFinding = z.infer<typeof SuppressedFindingSchema>;

/** What became of one ignore of the settings file in this run. */
export const IgnoreStatusSchema = z.object({
  rule: z.string(),
  reason: z.string(),
  line: z.number().int().positive().optional().describe('Line of the ignore in the settings file.'),
  until: z.string().optional().describe('Expiry date (YYYY-MM-DD) after which the ignore no longer applies.'),
  status: z
    .enum(['applied', 'expired', 'unused'])
    .describe('applied: suppressed at least one finding; expired: past `until`, no longer applied; unused: matched nothing (remove it).'),
  suppressed: z.number().int().nonnegative().describe('Findings this ignore suppressed in this run.'),
});
export type IgnoreStatus = z.infer<typeof IgnoreStatusSchema>;

export const SuppressionInfoSchema = z.object({
  settingsFile: z.string().optional().describe('The project settings file (.mcp-warden.yaml) whose ignores were applied.'),
  baselineFile: z.string().optional().describe('The --baseline file whose fingerprints were suppressed.'),
  ignores: z.array(IgnoreStatusSchema),
  findings: z.array(SuppressedFindingSchema).describe('Every suppressed finding, so an audit can see what was hidden and why.'),
});
export type SuppressionInfo = z.infer<typeof SuppressionInfoSchema>;

/** One package behind a server entry, as `vet` resolved it (present only when vet ran). */
export const PackageSummarySchema = z.object({
  server: z.string(),
  client: z.string(),
  ecosystem: z.string().describe('npm, pypi, oci or mcpb.'),
  name: z.string(),
  requested: z.string().optional().describe('The spec as written (`1.2.3`, `^1`, `latest`, `==1.0`, an image tag or digest), when there is one.'),
  pinned: z.boolean().describe('True when the spec fixes one artifact (exact version, image digest, commit).'),
  source: z.string().describe('registry, local-install, git, url, local-path or bundle.'),
  resolved: z.string().optional().describe('What the spec resolves to today; for images, the digest.'),
  latest: z.string().optional(),
  publishedAt: z.string().optional(),
  provenance: z.string().describe('verified, absent, invalid or not-checked.'),
  provenanceRepository: z.string().optional().describe('Repository the verified provenance names (host/owner/repo).'),
  registry: z.string().optional(),
});
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

export const ScanReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('Version of this format; bumped on breaking changes only.'),
    tool: z.object({ name: z.literal('mcp-warden'), version: z.string() }),
    command: z.string().describe('The command that produced the report, e.g. `scan`.'),
    startedAt: z.string().describe('ISO 8601 start time.'),
    durationMs: z.number().nonnegative(),
    complete: z
      .boolean()
      .describe('False when anything was not checked (see `errors`). An incomplete report is never "clean"; the exit code is 3.'),
    failOn: SeveritySchema.optional().describe('The --fail-on threshold the exit code was computed with (absent for `none`).'),
    summary: z.object({
      servers: z.number().int().nonnegative(),
      findings: z.number().int().nonnegative().describe('Findings reported (suppressed ones excluded).'),
      bySeverity: z.record(SeveritySchema, z.number().int().nonnegative()),
      errors: z.number().int().nonnegative(),
      suppressed: z.number().int().nonnegative().describe('Findings left out by the baseline or ignores.'),
    }),
    servers: z.array(ServerSummarySchema),
    findings: z.array(FindingSchema).describe('Most severe first.'),
    errors: z.array(ScanErrorSchema).describe('Everything that could not be checked.'),
    notes: z.array(z.string()).describe('Facts a reader must know, e.g. "--no-sandbox was used", "network hosts contacted: …".'),
    suppression: SuppressionInfoSchema.optional().describe('Present when a baseline or settings file was used.'),
    packages: z.array(PackageSummarySchema).optional().describe('Packages behind the servers, when `vet` (or `scan --vet`) ran.'),
  })
  .describe('An mcp-warden scan report (`--format json`).');
export type ScanReport = z.infer<typeof ScanReportSchema>;
