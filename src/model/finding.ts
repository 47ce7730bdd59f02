import { z } from 'zod';
import { SeveritySchema } from './severity.js';

export const FindingLocationSchema = z.object({
  file: z.string().optional().describe('Config, inventory or lockfile path (absolute).'),
  line: z.number().int().positive().optional().describe('1-based line in `file`, when known.'),
  client: z.string().optional().describe('Client id whose config declares the server, e.g. `cursor`.'),
  server: z.string().describe('Server name exactly as declared. Empty string only for findings about a whole file.'),
  tool: z.string().optional().describe('Tool name, for findings about a tool definition.'),
  field: z
    .string()
    .optional()
    .describe('JSON pointer inside the tool definition or config entry, e.g. `/inputSchema/properties/notes/description`.'),
});
export type FindingLocation = z.infer<typeof FindingLocationSchema>;

export const FindingSchema = z.object({
  ruleId: z.string().describe('Rule id, `<kind>/<name>`; documented in docs/rules/<id>.md.'),
  messageId: z.string().describe('Which message template of the rule produced this finding (tests assert on it).'),
  title: z.string().describe('Rule title.'),
  severity: SeveritySchema,
  category: z.string().describe('Rule category, e.g. `secrets`, `execution`, `prompt-injection`.'),
  attack: z.array(z.string()).describe('MITRE ATT&CK technique ids (T…) and ATLAS ids (AML.T…); see docs/attack-mapping.md.'),
  message: z.string().describe('What was found, in one sentence, secrets redacted.'),
  remediation: z.string().describe('How to fix it.'),
  location: FindingLocationSchema,
  evidence: z.string().optional().describe('The offending text, secrets redacted, bounded in length.'),
  decoded: z
    .string()
    .optional()
    .describe('For hidden content (tag characters, encodings, comments): the decoded hidden text, redacted.'),
  diff: z
    .string()
    .optional()
    .describe('Unified diff of what changed (pin drift: description, schema, instructions), secrets redacted, bounded.'),
  fingerprint: z
    .string()
    .describe('Stable identity of the finding across line moves and rewording (rule, place, evidence; never the line).'),
});
export type Finding = z.infer<typeof FindingSchema>;
