/**
 * @module gateway/call-lane
 * Tool calls from a 2025-era stdio client go straight into the gateway's pipeline. The lane sits
 * between the client's SDK transport and `serveStdio`: once the SDK server instance has completed
 * the handshake, `tools/call` requests (and cancellations of them) are taken off the inbound
 * stream and answered on the same transport; everything else (initialize, listing, resources,
 * prompts, notifications, responses to the gateway's own requests, task-augmented calls, every
 * 2026-era message) reaches the SDK unchanged.
 *
 * Why: the SDK server's per-request path (era routing, context building, input-required seam,
 * abort bookkeeping) cost more per call than all of mcp-warden's checks. The lane keeps the SDK's
 * contract for this one method: the request and the result are validated with the SDK's own
 * schemas, a contentless result gets its empty `content`, errors carry the same code, message and
 * data, and a call the client cancelled (or abandoned by hanging up) gets no answer.
 */
import { ProtocolErrorCode, specTypeSchemas, type JSONRPCMessage, type RequestId, type Server, type StandardSchemaV1Sync, type Transport, type TransportSendOptions } from '@modelcontextprotocol/server';
import { legacyApprovalChannel } from './approval-channel.js';
import { clientIdentity, type CallOrigin, type ConnectionInfo, type Gateway } from './gateway.js';

/** Result keys that mark a result as something other than a plain tool result (left as they are). */
const FOREIGN_RESULT_KEYS = ['task', 'inputRequests', 'requestState'];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A result without `content` gets an empty one, as the SDK server does before validating. */
function withContent(result: Record<string, unknown>): Record<string, unknown> {
  if (result['content'] !== undefined || FOREIGN_RESULT_KEYS.some((k) => k in result)) return result;
  return { ...result, content: [] };
}

/**
 * Validates with one of the SDK's spec schemas. They are zod schemas: their own error text is used,
 * so the message is the one the SDK server gives for the same input; through the Standard Schema
 * interface otherwise.
 */
function check<T>(schema: StandardSchemaV1Sync<T>, value: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const zod = schema as unknown as { safeParse?: (v: unknown) => { success: boolean; data?: unknown; error?: unknown } };
  if (typeof zod.safeParse === 'function') {
    const parsed = zod.safeParse(value);
    return parsed.success ? { ok: true, value: parsed.data as T } : { ok: false, message: String(parsed.error) };
  }
  const out = schema['~standard'].validate(value);
  if (!out.issues) return { ok: true, value: out.value };
  return { ok: false, message: out.issues.map((i) => `${(i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || '(root)'}: ${i.message}`).join('; ') };
}

/** An object literal (or JSON object): what the schema's records accept. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Keys of `o` are all in `allowed`. */
function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

const PLAIN_PARAMS = new Set(['name', 'arguments', '_meta']);
const PLAIN_META = new Set(['progressToken']);
const PLAIN_RESULT = new Set(['content', 'isError']);
const PLAIN_TEXT = new Set(['type', 'text']);

/**
 * True for `tools/call` params the SDK's CallToolRequest schema certainly accepts: a name,
 * optional object arguments and at most a progress token. Anything else is left to the schema.
 * Why: on a 1 KB call the schema checks cost more in the gateway's process than they do in a
 * micro-benchmark (cold code between calls), and nearly every real call has this shape.
 */
export function plainCallParams(params: unknown): boolean {
  if (!isObject(params) || !onlyKeys(params, PLAIN_PARAMS) || typeof params['name'] !== 'string') return false;
  const args = params['arguments'];
  if (args !== undefined && !isPlainObject(args)) return false;
  const meta = params['_meta'];
  if (meta === undefined) return true;
  if (!isObject(meta) || !onlyKeys(meta, PLAIN_META)) return false;
  const token = meta['progressToken'];
  return token === undefined || typeof token === 'string' || Number.isSafeInteger(token);
}

/**
 * True for a tool result the SDK's CallToolResult schema accepts and returns unchanged: text
 * blocks of exactly `type` and `text`, and an optional boolean `isError`. Anything else (other
 * block types, annotations, structured content, `_meta`) is left to the schema, which may also
 * strip unknown keys.
 */
export function plainToolResult(result: Record<string, unknown>): boolean {
  if (!onlyKeys(result, PLAIN_RESULT)) return false;
  const isError = result['isError'];
  if (isError !== undefined && typeof isError !== 'boolean') return false;
  const content = result['content'];
  if (!Array.isArray(content)) return false;
  for (const block of content) {
    if (!isObject(block) || block['type'] !== 'text' || typeof block['text'] !== 'string' || !onlyKeys(block, PLAIN_TEXT)) return false;
  }
  return true;
}

/** What the SDK server would answer when a handler throws (2025-era error-code mapping included). */
function errorBody(err: unknown): { code: number; message: string; data?: unknown } {
  const e = err as { code?: unknown; message?: unknown; data?: unknown } | undefined;
  const code = typeof e?.code === 'number' && Number.isSafeInteger(e.code) ? e.code : ProtocolErrorCode.InternalError;
  return { code: code === -32002 ? -32602 : code, message: typeof e?.message === 'string' ? e.message : 'Internal error', ...(e?.data !== undefined ? { data: e.data } : {}) };
}

/** Why a lane aborts a call: the client cancelled it or went away (so it gets no answer). */
export class ClientGone extends Error {
  override name = 'ClientGone';
}

const clientGone = (signal: AbortSignal): boolean => signal.aborted && signal.reason instanceof ClientGone;

/** What to answer a tool call with: a result or an error; undefined when the client cancelled it (no answer). */
export type CallAnswer = { result: Record<string, unknown> } | { error: { code: number; message: string; data?: unknown } };

/**
 * Runs one `tools/call` through the gateway as the SDK server would serve it: the request and the
 * result are checked with the SDK's spec schemas, a contentless result gets its empty `content`,
 * and a thrown error becomes the same code, message and data.
 */
export async function answerToolCall(gateway: Gateway, params: unknown, origin: CallOrigin): Promise<CallAnswer | undefined> {
  const request = plainCallParams(params) ? { ok: true as const } : check(specTypeSchemas.CallToolRequest, { method: 'tools/call', params });
  if (!request.ok) return { error: { code: ProtocolErrorCode.InvalidParams, message: `Invalid tools/call request: ${request.message}` } };
  try {
    const result = withContent(await gateway.dispatch('tools/call', params as Record<string, unknown>, origin));
    if (clientGone(origin.signal)) return undefined;
    if (plainToolResult(result)) return { result };
    const valid = check(specTypeSchemas.CallToolResult, result);
    if (!valid.ok) return { error: { code: ProtocolErrorCode.InvalidParams, message: `Invalid tools/call result: ${valid.message}` } };
    return { result: valid.value as Record<string, unknown> };
  } catch (err) {
    return clientGone(origin.signal) ? undefined : { error: errorBody(err) };
  }
}

export class CallLane {
  /** Hand this to `serveStdio` in place of the client transport. */
  readonly transport: Transport;
  private server: Server | undefined;
  private origin: Omit<CallOrigin, 'signal'> | undefined;
  private readonly inflight = new Map<RequestId, AbortController>();

  constructor(
    private readonly inner: Transport,
    private readonly gateway: Gateway,
    private readonly conn: ConnectionInfo,
  ) {
    this.transport = new LaneTransport(inner, (m) => this.take(m), () => this.abortAll('the client disconnected'));
  }

  /** The SDK server instance `serveStdio` pinned for this connection, and its era. */
  attach(server: Server, era: 'legacy' | 'modern'): void {
    this.server = era === 'legacy' ? server : undefined;
    this.origin = undefined;
  }

  /** Whether the lane answers this connection's tool calls (a 2025-era session past its handshake). */
  get active(): boolean {
    return this.session() !== undefined;
  }

  /** Calls the lane is answering. */
  get size(): number {
    return this.inflight.size;
  }

  private take(message: JSONRPCMessage): boolean {
    const m = message as Record<string, unknown>;
    const method = m['method'];
    if (method === 'tools/call' && 'id' in m && !(isObject(m['params']) && m['params']['task'] !== undefined)) {
      const origin = this.session();
      if (!origin) return false;
      void this.handle(m['id'] as RequestId, m['params'], origin);
      return true;
    }
    if (method === 'notifications/cancelled' && isObject(m['params'])) {
      const params = m['params'];
      const controller = this.inflight.get(params['requestId'] as RequestId);
      if (!controller) return false;
      controller.abort(new ClientGone(typeof params['reason'] === 'string' ? `the client cancelled the call (${params['reason']})` : 'the client cancelled the call'));
      return true;
    }
    return false;
  }

  /** The caller, once the 2025-era handshake is done (built once per connection). */
  private session(): Omit<CallOrigin, 'signal'> | undefined {
    if (this.origin) return this.origin;
    const server = this.server;
    const info = server?.getClientVersion();
    if (!server || !info) return undefined;
    const { client, canElicit } = clientIdentity(this.conn, info, server.getClientCapabilities());
    this.origin = {
      client,
      approval: legacyApprovalChannel((params, options) => server.elicitInput(params, options), canElicit, `elicitation:${client.name}`),
      progress: (token, update) => void this.inner.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { ...update, progressToken: token } }).catch(() => undefined),
    };
    return this.origin;
  }

  private async handle(id: RequestId, params: unknown, origin: Omit<CallOrigin, 'signal'>): Promise<void> {
    const controller = new AbortController();
    this.inflight.set(id, controller);
    try {
      const answer = await answerToolCall(this.gateway, params, { ...origin, signal: controller.signal, controller });
      if (answer) await this.inner.send({ jsonrpc: '2.0', id, ...answer } as JSONRPCMessage).catch(() => undefined); // a client that went away gets nothing
    } finally {
      this.inflight.delete(id);
    }
  }

  private abortAll(reason: string): void {
    for (const controller of this.inflight.values()) controller.abort(new ClientGone(reason));
  }
}

/** The client transport as `serveStdio` sees it: the same, minus what the lane takes. */
class LaneTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];

  constructor(
    private readonly inner: Transport,
    private readonly take: (message: JSONRPCMessage) => boolean,
    private readonly closed: () => void,
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  start(): Promise<void> {
    this.inner.onmessage = (message, extra) => {
      if (!this.take(message)) this.onmessage?.(message, extra);
    };
    this.inner.onclose = () => {
      this.closed();
      this.onclose?.();
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }
}
