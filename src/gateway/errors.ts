/**
 * @module gateway/errors
 * A refusal by the gateway carries the JSON-RPC error the client receives: a code from the
 * implementation-defined range, a message that says what happened and what to do, and data naming
 * the rule. Clients see a clean MCP error; nothing crashes.
 */

/** JSON-RPC error codes the gateway answers with (implementation-defined server-error range). */
export enum GatewayErrorCode {
  /** A policy rule, the default action, or an argument constraint refused the call. */
  PolicyDenied = -32080,
  /** A human was asked and said no, or did not answer in time. */
  ApprovalDenied = -32081,
  /** A rate limit is exhausted. */
  RateLimited = -32082,
  /** The tool's definition differs from (or is missing in) the lockfile. */
  Unpinned = -32083,
  /** DLP found a secret or PII value and the policy says block. */
  DlpBlocked = -32084,
  /** Result scanning found injected content and the policy says block. */
  ResultBlocked = -32085,
  /** The upstream server is not running (starting, crashed, restarting). */
  UpstreamUnavailable = -32086,
  /** The upstream did not answer in time, or its answer was too large or malformed. */
  UpstreamFailed = -32087,
  /** The name is not a tool, prompt or resource this gateway exposes. Matches MCP's unknown-tool code. */
  UnknownTarget = -32602,
}

/** The audit decision a refusal stands for. */
export type RefusalDecision = 'deny' | 'rejected' | 'timeout' | 'error';

export interface GatewayErrorData {
  /** Always `mcp-warden`, so clients and logs can tell gateway refusals from upstream errors. */
  source: 'mcp-warden';
  reason: string;
  rule?: string;
  server?: string;
  target?: string;
}

/** A refusal or failure produced by the gateway itself, sent to the client as a JSON-RPC error. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly decision: RefusalDecision;
  readonly data: GatewayErrorData;
  constructor(code: GatewayErrorCode, message: string, data: Omit<GatewayErrorData, 'source'>, decision: RefusalDecision = 'deny') {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
    this.decision = decision;
    this.data = { source: 'mcp-warden', ...data };
  }
}

/** True for errors the gateway raised on purpose (as opposed to bugs or upstream protocol errors). */
export function isGatewayError(err: unknown): err is GatewayError {
  return err instanceof GatewayError;
}
