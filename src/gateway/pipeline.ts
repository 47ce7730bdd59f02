/**
 * @module gateway/pipeline
 * The gateway's fixed middleware order. Audit is outermost so it records every outcome; names are
 * resolved before anything that needs a server or tool; rate limits and pin checks are cheap
 * refusals that run before policy; approval runs only for `ask`; DLP and result scanning wrap the
 * upstream call (on the way back, scanning sees the upstream's result first, DLP last).
 */
import type { CompiledPolicy } from '../policy/index.js';
import type { AuditSink } from '../store/audit-record.js';
import { compose, type Next } from './compose.js';
import { approval, type TerminalApprover } from './middleware/approval/index.js';
import { audit } from './middleware/audit/index.js';
import { dlp } from './middleware/dlp/index.js';
import { namespacing, type Router } from './middleware/namespacing/index.js';
import { outputScan, type ResultScanner } from './middleware/output-scan/index.js';
import { pin, type PinGuard } from './middleware/pin/index.js';
import { policy } from './middleware/policy/index.js';
import { rateLimit } from './middleware/rate-limit/index.js';
import type { GatewayContext } from './types.js';

export interface PipelineDeps {
  sink: AuditSink;
  router: Router;
  guard: PinGuard;
  policy: () => CompiledPolicy;
  scanner: ResultScanner;
  terminal?: TerminalApprover;
}

export type Pipeline = (ctx: GatewayContext, upstream: Next) => Promise<void>;

export function buildPipeline(deps: PipelineDeps): Pipeline {
  return compose<GatewayContext>([
    audit({ sink: deps.sink }),
    namespacing({ router: deps.router }),
    rateLimit({ policy: deps.policy }),
    pin({ guard: deps.guard }),
    policy({ policy: deps.policy }),
    approval({ policy: deps.policy, ...(deps.terminal ? { terminal: deps.terminal } : {}) }),
    dlp({ policy: deps.policy }),
    outputScan({ policy: deps.policy, scanner: deps.scanner }),
  ]);
}
