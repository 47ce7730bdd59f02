import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { ScanErrorSchema } from './scan-error.js';
import { SeveritySchema } from './severity.js';
import { ScopeSchema, TransportSchema } from './server-entry.js';

/** Version of the JSON report format (schema/report.schema.json). Bump on breaking changes. */
export const REPORT_SCHEMA_VERSION = 1;

/** A scanned server as listed in a report (no env/header values: those may hold secrets). */
export const ServerSummarySchema = z.object({
  name: z.string(),
  client: z.string(),
  scope: ScopeSchema,
  configFile: z.string(),
  line: z.number().int().positive().optional(),
  transport: TransportSchema,
  disabled: z.boolean(),
  /** Tool count when definitions were analysed (inventory or live), else absent. */
  tools: z.number().int().nonnegative().optional(),
});
export type ServerSummary = z.infer<typeof ServerSummarySchema>;

/** One package behind a server entry, as `vet` resolved it (present only when vet ran). */
export const PackageSummarySchema = z.object({
  server: z.string(),
  client: z.string(),
  ecosystem: z.string(),
  name: z.string(),
  /** The spec as written (`1.2.3`, `^1`, `latest`, `==1.0`, an image tag or digest), when there is one. */
  requested: z.string().optional(),
  pinned: z.boolean(),
  source: z.string(),
  /** What the spec resolves to today; for images, the digest. */
  resolved: z.string().optional(),
  latest: z.string().optional(),
  publishedAt: z.string().optional(),
  /** `verified`, `absent`, `invalid` or `not-checked`. */
  provenance: z.string(),
  /** Repository the verified provenance names. */
  provenanceRepository: z.string().optional(),
  registry: z.string().optional(),
});
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

export const ScanReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('mcp-warden'), version: z.string() }),
  command: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  /** False when anything was not checked (see `errors`). An incomplete report is never "clean". */
  complete: z.boolean(),
  failOn: SeveritySchema.optional(),
  summary: z.object({
    servers: z.number().int().nonnegative(),
    findings: z.number().int().nonnegative(),
    bySeverity: z.record(SeveritySchema, z.number().int().nonnegative()),
    errors: z.number().int().nonnegative(),
    suppressed: z.number().int().nonnegative(),
  }),
  servers: z.array(ServerSummarySchema),
  findings: z.array(FindingSchema),
  errors: z.array(ScanErrorSchema),
  /** Facts a reader must know, e.g. "--no-sandbox was used", "network hosts contacted: …". */
  notes: z.array(z.string()),
  /** Packages behind the servers, when `vet` (or `scan --vet`) ran. */
  packages: z.array(PackageSummarySchema).optional(),
});
export type ScanReport = z.infer<typeof ScanReportSchema>;
