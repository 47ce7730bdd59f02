/**
 * @fileoverview The severity levels as plain data (no zod), for code that only lists them, such
 * as the CLI's flag definitions.
 */

/** Severity levels, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
