/**
 * @module policy/units
 * Human-friendly durations (`500ms`, `30s`, `5m`, `1h`) and sizes (`512`, `4KB`, `10MB`) in policy
 * and gateway files.
 */

const DURATION = /^(\d{1,9})(ms|s|m|h)$/;
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a duration string or a number of milliseconds; undefined when malformed. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const m = DURATION.exec(value.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return Number(m[1]) * (DURATION_MS[m[2]] ?? 1);
}

const SIZE = /^(\d{1,12})\s?(B|KB|KiB|MB|MiB|GB|GiB)?$/i;
const SIZE_BYTES: Record<string, number> = { b: 1, kb: 1000, kib: 1024, mb: 1_000_000, mib: 1_048_576, gb: 1_000_000_000, gib: 1_073_741_824 };

/** Bytes of a size string or a number of bytes; undefined when malformed. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const m = SIZE.exec(value.trim());
  if (!m || m[1] === undefined) return undefined;
  return Number(m[1]) * (SIZE_BYTES[(m[2] ?? 'b').toLowerCase()] ?? 1);
}
