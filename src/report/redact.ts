import { redactSecrets } from '../analysis/secrets.js';
import { REDACTED } from '../analysis/secret-patterns.js';
import type { ScanReport } from '../model/index.js';

/**
 * Last line of defence before any output: every string of the report goes through the known-format
 * secret patterns, and every value in `sensitive` (env/header values the scan saw under secret-looking
 * names, see sensitive-values.ts) is replaced wherever it appears. Rules already redact their
 * evidence; this catches what a rule forgot, a parse error quoting a line, or a secret in a name.
 */
export function redactReport(report: ScanReport, sensitive: readonly string[] = []): ScanReport {
  return redactDeep(report, sensitive);
}

/** The same scrubbing for any JSON-like value (e.g. a baseline about to be written). */
export function redactDeep<T>(value: T, sensitive: readonly string[] = []): T {
  // Longest first, so a value that contains a shorter one is replaced whole.
  const exact = [...new Set(sensitive)].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => {
    let out = redactSecrets(text);
    for (const v of exact) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  };
  return deepMapStrings(value, scrub);
}

function deepMapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepMapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Fingerprints are hashes, not text: a short sensitive value could match inside the hex.
      out[fn(k)] = k === 'fingerprint' ? v : deepMapStrings(v, fn);
    }
    return out as T;
  }
  return value;
}
