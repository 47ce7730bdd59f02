/**
 * @module gateway/middleware/audit
 * Outermost step: records every call, whatever happened inside (allowed, refused, failed), with
 * the decision, the rule, latency and result size. Recording only queues a reference; the sink
 * serialises and redacts in batches, off the hot path.
 */
import type { AuditRecord, AuditSink } from '../../../store/audit-record.js';
import { isGatewayError } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext } from '../../types.js';

export interface AuditOptions {
  sink: AuditSink;
}

/** Builds the audit record of a finished call. */
export function toAuditRecord(ctx: GatewayContext): AuditRecord {
  const c = ctx.client;
  const rec: AuditRecord = {
    time: ctx.time,
    session: c.session,
    client: c.name,
    transport: c.transport,
    method: ctx.op,
    requested: ctx.requested,
    decision: ctx.decision,
    latencyMs: Math.round((performance.now() - ctx.startedAt) * 1000) / 1000,
  };
  if (c.version !== undefined) rec.clientVersion = c.version;
  if (c.principal !== undefined) rec.principal = c.principal;
  if (c.address !== undefined) rec.address = c.address;
  if (ctx.server !== undefined) rec.server = ctx.server;
  if (ctx.target !== undefined) rec.target = ctx.target;
  if (ctx.rule !== undefined) rec.rule = ctx.rule;
  if (ctx.reason !== undefined) rec.reason = ctx.reason;
  if (ctx.approver !== undefined) rec.approver = ctx.approver;
  const args = ctx.op === 'resources/read' ? undefined : ctx.op === 'completion/complete' ? ctx.params['argument'] : ctx.params['arguments'];
  if (args !== undefined) rec.args = args;
  if (ctx.upstreamMs !== undefined) rec.upstreamMs = Math.round(ctx.upstreamMs * 1000) / 1000;
  if (ctx.resultSize !== undefined) rec.resultSize = ctx.resultSize;
  if (ctx.error) {
    rec.error = ctx.error.message;
    const code = (ctx.error as { code?: unknown }).code;
    if (typeof code === 'number') rec.errorCode = code;
  }
  if (ctx.findings.length > 0) rec.findings = ctx.findings;
  if (ctx.quarantined !== undefined) rec.quarantine = ctx.quarantined;
  return rec;
}

export function audit(options: AuditOptions): Middleware<GatewayContext> {
  const { sink } = options;
  return async function audit(ctx, next) {
    try {
      await next();
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      ctx.error = error;
      if (isGatewayError(error)) {
        // Refusals say what was decided; upstream failures leave the decision (allow/approved) as it was.
        if (error.decision !== 'error') ctx.decision = error.decision;
        ctx.reason ??= error.data.reason;
        if (error.data.rule !== undefined) ctx.rule ??= error.data.rule;
      }
      throw err;
    } finally {
      sink.record(toAuditRecord(ctx));
    }
  };
}
