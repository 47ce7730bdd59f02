/**
 * @module gateway/middleware/dlp
 * Data-loss prevention on both directions: secrets (the shared detectors the config rules use) and
 * the policy's PII patterns are redacted, or the call blocked, in arguments going to remote
 * upstreams (or all, with `scope: all`) and in results coming back. Strings are rewritten in place;
 * nothing is re-serialised.
 */
import { findSecrets, redactSecrets } from '../../../analysis/secrets.js';
import type { CompiledPii, CompiledPolicy } from '../../../policy/index.js';
import type { AuditFinding } from '../../../store/audit-record.js';
import { rewriteStrings } from '../../content.js';
import { GatewayError, GatewayErrorCode } from '../../errors.js';
import type { Middleware } from '../../compose.js';
import type { GatewayContext } from '../../types.js';

export interface DlpOptions {
  policy: () => CompiledPolicy;
}

type Where = 'arguments' | 'result';

interface ScanOutcome {
  counts: Map<string, number>;
  block: boolean;
}

/** Redacts (or, for block, only counts) secrets and PII in every string under `value`. */
function scanValue(value: unknown, useSecrets: boolean, pii: readonly CompiledPii[], action: 'redact' | 'block'): ScanOutcome {
  const counts = new Map<string, number>();
  let block = false;
  const bump = (id: string, n: number): void => {
    counts.set(id, (counts.get(id) ?? 0) + n);
  };
  rewriteStrings(value, (text) => {
    let out = text;
    if (useSecrets) {
      const matches = findSecrets(out);
      if (matches.length > 0) {
        for (const m of matches) bump(m.patternId, 1);
        if (action === 'block') block = true;
        else out = redactSecrets(out);
      }
    }
    for (const p of pii) {
      p.regex.lastIndex = 0;
      if (!p.regex.test(out)) continue;
      p.regex.lastIndex = 0;
      let n = 0;
      const replaced = out.replace(p.regex, () => {
        n++;
        return `[REDACTED:${p.id}]`;
      });
      bump(p.id, n);
      if ((p.action ?? action) === 'block') block = true;
      else out = replaced;
    }
    return out;
  });
  return { counts, block };
}

function record(ctx: GatewayContext, where: Where, outcome: ScanOutcome, action: string): void {
  for (const [id, count] of outcome.counts) {
    const finding: AuditFinding = { kind: 'dlp', id, where, count, action };
    ctx.findings.push(finding);
  }
}

function blocked(ctx: GatewayContext, where: Where, outcome: ScanOutcome): GatewayError {
  const ids = [...outcome.counts.keys()].join(', ');
  const rule = where === 'arguments' ? 'dlp.arguments' : 'dlp.results';
  const message =
    where === 'arguments'
      ? `Call to ${ctx.requested} blocked by mcp-warden DLP: the arguments contain sensitive data (${ids}).`
      : `Result of ${ctx.requested} blocked by mcp-warden DLP: it contains sensitive data (${ids}).`;
  return new GatewayError(GatewayErrorCode.DlpBlocked, message, { reason: `sensitive data in ${where}: ${ids}`, rule, server: ctx.server ?? '', target: ctx.target ?? '' });
}

export function dlp(options: DlpOptions): Middleware<GatewayContext> {
  return async function dlp(ctx, next) {
    const p = options.policy().dlp;
    const detectors = p.secrets || p.compiledPii.length > 0;
    if (detectors && p.arguments !== 'off' && (p.scope === 'all' || ctx.remote) && ctx.op !== 'resources/read') {
      const key = ctx.op === 'completion/complete' ? 'argument' : 'arguments';
      const args = ctx.params[key];
      if (args !== undefined) {
        const outcome = scanValue(args, p.secrets, p.compiledPii, p.arguments);
        if (outcome.counts.size > 0) {
          record(ctx, 'arguments', outcome, outcome.block ? 'blocked' : 'redacted');
          if (outcome.block) throw blocked(ctx, 'arguments', outcome);
        }
      }
    }
    await next();
    if (detectors && p.results !== 'off' && ctx.result !== undefined) {
      const outcome = scanValue(ctx.result, p.secrets, p.compiledPii, p.results);
      if (outcome.counts.size > 0) {
        record(ctx, 'result', outcome, outcome.block ? 'blocked' : 'redacted');
        if (outcome.block) {
          ctx.result = undefined;
          throw blocked(ctx, 'result', outcome);
        }
      }
    }
  };
}
