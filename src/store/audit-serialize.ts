/**
 * @module store/audit-serialize
 * Turns an AuditRecord into its stored forms: a flat row for SQLite and one JSON line for SIEMs.
 * Runs at flush time, not per call. Every string inside arguments and quarantined content is
 * secret-redacted here, so nothing written to disk carries a known-format credential.
 */
import { redactSecrets } from '../analysis/secrets.js';
import type { AuditRecord } from './audit-record.js';

/** Longest serialized arguments kept per record; longer ones are cut (and say so). */
export const MAX_ARGS_CHARS = 16_384;
/** Longest quarantined original kept. */
export const MAX_QUARANTINE_CHARS = 1_048_576;
/** Longest single string kept inside arguments. */
const MAX_STRING_CHARS = 4096;

function redactingReplacer(maxString: number) {
  return (_key: string, value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const clipped = value.length > maxString ? `${value.slice(0, maxString)}… (${value.length} chars)` : value;
    return redactSecrets(clipped);
  };
}

/** Serialises a value with every string secret-redacted, cut to `max` characters. */
export function redactedJson(value: unknown, max: number, maxString = MAX_STRING_CHARS): string {
  let json: string;
  try {
    json = JSON.stringify(value, redactingReplacer(maxString)) ?? 'null';
  } catch {
    json = JSON.stringify({ unserializable: true });
  }
  return json.length <= max ? json : JSON.stringify({ truncated: true, chars: json.length, preview: json.slice(0, max) });
}

/** A row of the `audit` table. */
export interface AuditRow {
  time: number;
  session: string;
  client: string;
  client_version: string | null;
  principal: string | null;
  transport: string;
  address: string | null;
  method: string;
  requested: string;
  server: string | null;
  target: string | null;
  decision: string;
  rule: string | null;
  reason: string | null;
  approver: string | null;
  args: string | null;
  latency_ms: number;
  upstream_ms: number | null;
  result_size: number | null;
  error: string | null;
  error_code: number | null;
  findings: string | null;
  quarantine_id: string | null;
}

export interface SerializedRecord {
  row: AuditRow;
  /** One JSON line (no trailing newline). */
  line: string;
  quarantine?: { id: string; content: string };
}

function quarantineOf(q: unknown): { id: string; content: unknown } | undefined {
  if (q === null || typeof q !== 'object') return undefined;
  const { id, result } = q as { id?: unknown; result?: unknown };
  return typeof id === 'string' ? { id, content: result } : undefined;
}

export function serializeRecord(r: AuditRecord): SerializedRecord {
  const args = r.args === undefined ? null : redactedJson(r.args, MAX_ARGS_CHARS);
  const q = quarantineOf(r.quarantine);
  const findings = r.findings && r.findings.length > 0 ? JSON.stringify(r.findings) : null;
  const row: AuditRow = {
    time: r.time,
    session: r.session,
    client: r.client,
    client_version: r.clientVersion ?? null,
    principal: r.principal ?? null,
    transport: r.transport,
    address: r.address ?? null,
    method: r.method,
    requested: redactSecrets(r.requested),
    server: r.server ?? null,
    target: r.target === undefined ? null : redactSecrets(r.target),
    decision: r.decision,
    rule: r.rule ?? null,
    reason: r.reason === undefined ? null : redactSecrets(r.reason),
    approver: r.approver ?? null,
    args,
    latency_ms: r.latencyMs,
    upstream_ms: r.upstreamMs ?? null,
    result_size: r.resultSize ?? null,
    error: r.error === undefined ? null : redactSecrets(r.error),
    error_code: r.errorCode ?? null,
    findings,
    quarantine_id: q?.id ?? null,
  };
  const { args: _a, findings: _f, quarantine: _q, ...plain } = r;
  const head = JSON.stringify({
    ...plain,
    time: new Date(r.time).toISOString(),
    requested: row.requested,
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    ...(q ? { quarantineId: q.id } : {}),
  });
  // Splice the already-serialised parts in, rather than parsing and re-serialising them.
  const tail = `${args !== null ? `,"args":${args}` : ''}${findings !== null ? `,"findings":${findings}` : ''}`;
  const line = tail === '' ? head : `${head.slice(0, -1)}${tail}}`;
  const out: SerializedRecord = { row, line };
  if (q) out.quarantine = { id: q.id, content: redactedJson(q.content, MAX_QUARANTINE_CHARS, MAX_QUARANTINE_CHARS) };
  return out;
}
