import { z } from 'zod';

/**
 * Why part of a scan could not be checked. Any ScanError makes the run incomplete (exit 3): an
 * unchecked config or server must never be reported as clean.
 */
export const SCAN_ERROR_KINDS = [
  'read', // could not read (permissions, I/O)
  'parse', // malformed JSON/JSONC/TOML/YAML
  'too-large', // over the size limit
  'binary', // not text
  'symlink-loop',
  'invalid', // parsed but not of the expected shape
  'connect', // could not start or reach a server
  'timeout',
  'protocol', // server spoke something that is not MCP
  'limit', // response, page or tool count cut off
  'skipped', // a check deliberately not run (no consent, offline, ...)
  'internal',
] as const;

export const ScanErrorSchema = z.object({
  kind: z.enum(SCAN_ERROR_KINDS),
  /** The file path or server name the error is about. */
  source: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  client: z.string().optional(),
  server: z.string().optional(),
});
export type ScanError = z.infer<typeof ScanErrorSchema>;
