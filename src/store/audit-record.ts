/**
 * @module store/audit-record
 * One audited gateway call: who called what, what the gateway decided and why, and what came back.
 * Argument values and quarantined originals are kept as references here and serialised (with
 * secrets redacted) only when the record is written, off the call's hot path.
 */
import type { Severity } from '../model/index.js';

export const AUDIT_DECISIONS = ['allow', 'approved', 'deny', 'rejected', 'timeout', 'pending', 'error'] as const;

/**
 * What the gateway decided: `allow` (policy allowed), `approved` (a human said yes), `deny`
 * (policy, visibility, constraint, rate limit, unpinned tool or DLP block), `rejected` (a human
 * said no), `timeout` (nobody answered in time), `pending` (approval requested through the client,
 * 2026-07-28 input_required), `error` (the gateway failed the call after deciding to forward it).
 */
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** A detector hit on a call: DLP (secrets, PII) or result scanning (tool rules). */
export interface AuditFinding {
  kind: 'dlp' | 'scan';
  /** Secret pattern id, PII pattern id or rule id. */
  id: string;
  severity?: Severity;
  where: 'arguments' | 'result';
  count: number;
  /** What was done: `redacted`, `blocked`, `annotated`, `quarantined`. */
  action?: string;
}

export interface AuditRecord {
  /** Epoch milliseconds when the request arrived. */
  time: number;
  session: string;
  client: string;
  clientVersion?: string;
  /** HTTP token name the client authenticated with. */
  principal?: string;
  transport: 'stdio' | 'http';
  address?: string;
  /** MCP method: tools/call, prompts/get, resources/read, completion/complete. */
  method: string;
  /** Name or URI as the client sent it. */
  requested: string;
  server?: string;
  /** Upstream tool or prompt name, or resource URI. */
  target?: string;
  decision: AuditDecision;
  rule?: string;
  reason?: string;
  approver?: string;
  /** Arguments as forwarded (after DLP); serialised and secret-redacted at write time. */
  args?: unknown;
  latencyMs: number;
  upstreamMs?: number;
  resultSize?: number;
  error?: string;
  errorCode?: number;
  findings?: AuditFinding[];
  /** The original result when result scanning quarantined it; secret-redacted at write time. */
  quarantine?: unknown;
}

/** Where audit records go. `record` must be cheap and never throw: it runs once per call. */
export interface AuditSink {
  record(record: AuditRecord): void;
}
