import { z } from 'zod';
import { SeveritySchema } from './severity.js';

export const FindingLocationSchema = z.object({
  /** Config, inventory or lockfile path. */
  file: z.string().optional(),
  /** 1-based line in `file`. */
  line: z.number().int().positive().optional(),
  client: z.string().optional(),
  /** Server name exactly as declared. Empty string only for findings about a whole file. */
  server: z.string(),
  tool: z.string().optional(),
  /** JSON pointer inside the tool definition or config entry, e.g. `/inputSchema/properties/notes/description`. */
  field: z.string().optional(),
});
export type FindingLocation = z.infer<typeof FindingLocationSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  /** Which message template of the rule produced this finding (tests assert on it). */
  messageId: z.string(),
  title: z.string(),
  severity: SeveritySchema,
  category: z.string(),
  /** MITRE ATT&CK technique ids (T…) and ATLAS ids (AML.T…). */
  attack: z.array(z.string()),
  message: z.string(),
  remediation: z.string(),
  location: FindingLocationSchema,
  /** The offending text, secrets redacted, bounded in length. */
  evidence: z.string().optional(),
  /** For hidden content (tag characters, encodings, comments): the decoded hidden text, redacted. */
  decoded: z.string().optional(),
  /** Unified diff of what changed (pinning drift: description, schema), secrets redacted, bounded. */
  diff: z.string().optional(),
  /** Stable identity across line moves, for baselines (see report/fingerprint.ts). */
  fingerprint: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;
