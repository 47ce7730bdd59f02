/**
 * @module gateway/types
 * The call context every middleware sees. It is transport-agnostic: built by a session (stdio or
 * HTTP, either protocol era) from one client request, handed through the pipeline, and turned back
 * into a response (or a JSON-RPC error) by the session.
 */
import type { AuditDecision, AuditFinding } from '../store/audit-record.js';

/** The client requests that go through the pipeline (listing is answered from the catalog). */
export type Operation = 'tools/call' | 'prompts/get' | 'resources/read' | 'completion/complete';

/** Who is calling. Nothing here comes from model text: it is transport and handshake data. */
export interface ClientIdentity {
  /** One id per connection (stdio) or session/request (HTTP), for correlating records. */
  session: string;
  /** The client's self-declared name (handshake `clientInfo.name`), or `unknown`. */
  name: string;
  version?: string;
  transport: 'stdio' | 'http';
  /** Name of the bearer token the HTTP request authenticated with. Policy `client:` globs match it first. */
  principal?: string;
  /** Remote address of an HTTP client. */
  address?: string;
}

export type { AuditDecision, AuditFinding } from '../store/audit-record.js';

/** A form elicitation the approval step sends; the answer is `{ approve: boolean }`. */
export interface ApprovalPrompt {
  message: string;
  timeoutMs: number;
}

/** The answer to an approval prompt; `approver` names who answered (client name, or `terminal:<user>`). */
export type ApprovalAnswer = { outcome: 'approved' | 'rejected' | 'timeout'; approver?: string } | { outcome: 'pending'; response: Record<string, unknown> };

/** How the approval step can reach a human through this client session. */
export interface ApprovalChannel {
  /** Whether the client declared form elicitation support. */
  readonly canElicit: boolean;
  /**
   * Asks through MCP elicitation. On a 2025-era session this pushes `elicitation/create` and waits
   * (bounded by `timeoutMs`); on a 2026-07-28 session it returns `pending` with the
   * `input_required` result to send, unless this request is the client's retry carrying the answer.
   * `callKey` binds the answer to this exact call (tool and arguments).
   */
  elicit(prompt: ApprovalPrompt, callKey: string, signal: AbortSignal): Promise<ApprovalAnswer>;
}

/** Progress reported by an upstream during a call, relayed to the client's progress token. */
export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

export interface GatewayContext {
  readonly op: Operation;
  readonly client: ClientIdentity;
  /** The name (tool, prompt) or URI (resource) exactly as the client sent it. */
  readonly requested: string;
  /** Upstream server the call goes to (set by namespacing). */
  server: string | undefined;
  /** Upstream tool/prompt name or resource URI (set by namespacing). */
  target: string | undefined;
  /** Whether the upstream is remote (HTTP/SSE), for DLP's argument scope (set by namespacing). */
  remote: boolean;
  /** Request params as they will be sent upstream: names rewritten, arguments possibly redacted. */
  params: Record<string, unknown>;
  /** Aborted when the client cancels or disconnects, or the gateway shuts down. */
  readonly signal: AbortSignal;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Wall-clock time of arrival, for the audit log. */
  readonly time: number;
  readonly approval: ApprovalChannel | undefined;
  readonly onProgress: ((update: ProgressUpdate) => void) | undefined;
  /** Set by policy when the decision is `ask`. */
  needsApproval: boolean;
  decision: AuditDecision;
  rule: string | undefined;
  reason: string | undefined;
  approver: string | undefined;
  /** The upstream result on its way back; post-processing middleware may replace it. */
  result: Record<string, unknown> | undefined;
  /** When set, the session answers with this (an `input_required` result) instead of `result`. */
  inputRequired: Record<string, unknown> | undefined;
  /** What went wrong, when something did (set by audit). */
  error: Error | undefined;
  findings: AuditFinding[];
  /** The result as the upstream sent it, kept when result scanning quarantines it. */
  quarantined: unknown;
  /** Milliseconds spent waiting for the upstream. */
  upstreamMs: number | undefined;
  /** Characters of text in the result (text, blobs, structured content strings). */
  resultSize: number | undefined;
}

/** Builds a fresh context with defaults. */
export function createContext(init: {
  op: Operation;
  client: ClientIdentity;
  requested: string;
  params: Record<string, unknown>;
  signal: AbortSignal;
  approval?: ApprovalChannel;
  onProgress?: (update: ProgressUpdate) => void;
}): GatewayContext {
  return {
    op: init.op,
    client: init.client,
    requested: init.requested,
    server: undefined,
    target: undefined,
    remote: false,
    params: init.params,
    signal: init.signal,
    startedAt: performance.now(),
    time: Date.now(),
    approval: init.approval,
    onProgress: init.onProgress,
    needsApproval: false,
    decision: 'allow',
    rule: undefined,
    reason: undefined,
    approver: undefined,
    result: undefined,
    inputRequired: undefined,
    error: undefined,
    findings: [],
    quarantined: undefined,
    upstreamMs: undefined,
    resultSize: undefined,
  };
}
