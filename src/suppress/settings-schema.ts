import { z } from 'zod';

/** Names the settings file is looked up under, in the working directory. */
export const SETTINGS_FILE_NAMES = ['.mcp-warden.yaml', '.mcp-warden.yml'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function required(what: string, hint: string) {
  return (issue: { input: unknown }) => (issue.input === undefined ? `${what} is required: ${hint}` : `${what} must be text`);
}

const glob = (what: string) =>
  z.string({ error: required(what, 'a name or glob') }).min(1, `${what} must not be empty`);

/**
 * One accepted risk. `rule` and `reason` are required: an ignore nobody can explain is a finding
 * nobody reviewed. The optional fields narrow it; all given fields must match.
 */
export const IgnoreSchema = z.strictObject({
  rule: z
    .string({ error: required('rule', 'the rule id, e.g. config/disabled-server (see `mcp-warden rules`)') })
    .min(1, 'rule must not be empty')
    .describe('Rule id, or a glob over rule ids such as `config/*`.'),
  reason: z
    .string({ error: required('reason', 'say why this finding is accepted, for the next reviewer') })
    .trim()
    .min(1, 'reason is required: say why this finding is accepted, for the next reviewer')
    .describe('Why the finding is accepted. Required.'),
  server: glob('server').optional().describe('Server name or glob.'),
  tool: glob('tool').optional().describe('Tool name or glob (tool findings only).'),
  client: glob('client').optional().describe('Client id or glob, e.g. `cursor`.'),
  file: glob('file')
    .optional()
    .describe('Config file glob, relative to the settings file (e.g. `**/.mcp.json`), absolute, or starting with `~/`.'),
  until: z
    .string({ error: 'until must be a date written YYYY-MM-DD' })
    .regex(DATE, 'until must be a date written YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'until is not a real date')
    .optional()
    .describe('Last day (UTC) the ignore applies; after it the finding comes back and the ignore is reported as expired.'),
});
export type Ignore = z.infer<typeof IgnoreSchema>;

/** `.mcp-warden.yaml`: project settings for `mcp-warden scan`. */
export const SettingsSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }).optional(),
  ignores: z.array(IgnoreSchema, { error: 'ignores must be a list' }).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;
