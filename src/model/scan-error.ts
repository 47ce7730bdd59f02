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
  kind: z
    .enum(SCAN_ERROR_KINDS)
    .describe(
      'read, parse, too-large, binary, symlink-loop, invalid (unexpected shape), connect, timeout, protocol (not MCP), limit (output cut off), skipped (check not run), internal.',
    ),
  source: z.string().describe('The file path or server name the error is about.'),
  message: z.string().describe('What went wrong, naming the file or server.'),
  line: z.number().int().positive().optional().describe('1-based line in `source`, when the error is in a file.'),
  column: z.number().int().positive().optional(),
  client: z.string().optional(),
  server: z.string().optional(),
});
export type ScanError = z.infer<typeof ScanErrorSchema>;
