/**
 * @module gateway/gateway
 * The gateway core: upstream connections, the catalog, the middleware pipeline, and a factory of
 * SDK `Server` instances (one per stdio connection, HTTP session or 2026-era HTTP request) whose
 * handlers answer listing from the catalog and send every call through the pipeline.
 */
import type { Transport } from '@modelcontextprotocol/client';
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, ProtocolError, ProtocolErrorCode, Server } from '@modelcontextprotocol/server';
import type { AuthInfo, ServerContext } from '@modelcontextprotocol/server';
import { VERSION } from '../version.js';
import type { PolicyHolder } from '../policy/index.js';
import type { AuditSink } from '../store/audit-record.js';
import { ApprovalStateStore, legacyApprovalChannel, modernApprovalChannel } from './approval-channel.js';
import { Catalog } from './catalog.js';
import { clientRequestBridge } from './client-requests.js';
import type { UpstreamSpec } from './config.js';
import { payloadSize } from './content.js';
import { isGatewayError } from './errors.js';
import type { TerminalApprover } from './middleware/approval/index.js';
import type { ResultScanner } from './middleware/output-scan/index.js';
import { buildPipeline, type Pipeline } from './pipeline.js';
import { PinIndex, type PinMode, type PinVerifier } from './pins.js';
import { createContext, type ApprovalChannel, type ClientIdentity, type GatewayContext, type Operation, type ProgressUpdate } from './types.js';
import { openUpstreamTransport, type SandboxWrapper } from './upstream/connect.js';
import type { BackoffOptions } from './upstream/backoff.js';
import { Upstream } from './upstream/upstream.js';

export interface GatewayOptions {
  upstreams: UpstreamSpec[];
  /** False for `wrap` (one upstream, names unchanged). */
  namespaced: boolean;
  separator: string;
  policy: PolicyHolder;
  pins?: { verifier?: PinVerifier; mode: PinMode };
  sink: AuditSink;
  scanner: ResultScanner;
  terminal?: TerminalApprover;
  connectTimeoutMs: number;
  maxMessageBytes: number;
  maxInFlight: number;
  sandbox?: SandboxWrapper;
  /** Opens an upstream's transport (default: stdio/HTTP/SSE per spec). */
  open?: (spec: UpstreamSpec) => Promise<Transport>;
  backoff?: BackoffOptions;
  /** Diagnostics (stderr by default in the CLI; never stdout, which may carry the protocol). */
  log?: (message: string) => void;
}

/** How a client reached the gateway. */
export interface ConnectionInfo {
  transport: 'stdio' | 'http';
  session: string;
  /** Keep the instance to push notifications (list_changed, logging) to it: stdio and 2025 HTTP sessions. */
  push: boolean;
}

/** Receives list-changed events for clients the gateway cannot push to directly (2026-era HTTP). */
export interface ChangeNotifier {
  toolsChanged(): void;
  promptsChanged(): void;
  resourcesChanged(): void;
  resourceUpdated(uri: string): void;
}

/** Who sent a call and how to answer them, however the call arrived (SDK server instance or call lane). */
export interface CallOrigin {
  client: ClientIdentity;
  /** Aborted when the client cancels the call or goes away. */
  signal: AbortSignal;
  /**
   * The controller behind `signal`, when the caller owns one the gateway may abort too (at
   * shutdown). Saves a second controller per call on the lanes; the SDK path has none to lend.
   */
  controller?: AbortController;
  approval: ApprovalChannel | undefined;
  /** Sends a progress update for the client's own progress token. */
  progress(token: string | number, update: ProgressUpdate): void;
}

/** How the gateway introduces itself to clients (and stamps 2026-07-28 results with). */
export const GATEWAY_INFO = { name: 'mcp-warden', version: VERSION, title: 'mcp-warden gateway' } as const;

type ClientInfo = { name?: string; version?: string };
type ClientCaps = { elicitation?: { form?: unknown; url?: unknown } };

/** The caller's identity from handshake (or envelope) data and HTTP auth; never from model text. */
export function clientIdentity(conn: ConnectionInfo, info: ClientInfo | undefined, caps: ClientCaps | undefined, auth?: AuthInfo): { client: ClientIdentity; canElicit: boolean } {
  const elicitation = caps?.elicitation;
  const canElicit = elicitation !== undefined && (elicitation.form !== undefined || elicitation.url === undefined);
  const client: ClientIdentity = { session: conn.session, name: info?.name ?? 'unknown', transport: conn.transport };
  if (info?.version !== undefined) client.version = info.version;
  if (auth?.clientId) client.principal = auth.clientId;
  const address = auth?.extra?.['address'];
  if (typeof address === 'string') client.address = address;
  return { client, canElicit };
}

const LIST_CHANGED = ['notifications/tools/list_changed', 'notifications/prompts/list_changed', 'notifications/resources/list_changed'];

function wireError(err: unknown): unknown {
  if (isGatewayError(err)) return new ProtocolError(err.code, err.message, err.data);
  if (err instanceof ProtocolError) return err;
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) return err;
  return new ProtocolError(ProtocolErrorCode.InternalError, `mcp-warden internal error: ${err instanceof Error ? err.message : String(err)}`);
}

function stripProgressToken(params: Record<string, unknown>): { params: Record<string, unknown>; token: string | number | undefined } {
  const meta = params['_meta'] as Record<string, unknown> | undefined;
  const token = meta?.['progressToken'] as string | number | undefined;
  if (token === undefined) return { params, token };
  const { progressToken: _t, ...rest } = meta ?? {};
  const copy = { ...params };
  if (Object.keys(rest).length > 0) copy['_meta'] = rest;
  else delete copy['_meta'];
  return { params: copy, token };
}

export class Gateway {
  readonly upstreams = new Map<string, Upstream>();
  readonly catalog: Catalog;
  readonly pins: PinIndex;
  private readonly pipeline: Pipeline;
  private readonly approvals = new ApprovalStateStore();
  private readonly sessions = new Set<Server>();
  private readonly connections = new WeakMap<Server, ConnectionInfo>();
  private readonly notifiers = new Set<ChangeNotifier>();
  private readonly inflight = new Map<AbortController, Promise<unknown>>();
  private readonly log: (message: string) => void;
  private draining = false;
  private started: Promise<void> | undefined;
  /** Result of scanning each upstream's instructions, kept while the text stays the same. */
  private readonly instructionVerdicts = new Map<string, { text: string; clean: boolean }>();
  /** True once every upstream has had its first connection attempt (calls then skip the wait). */
  private isReady = false;

  constructor(private readonly options: GatewayOptions) {
    this.log = options.log ?? (() => undefined);
    this.pins = new PinIndex(options.pins?.verifier, options.pins?.mode ?? 'off');
    const policy = () => options.policy.current;
    this.catalog = new Catalog(this.upstreams, { namespaced: options.namespaced, separator: options.separator, policy, pins: this.pins });
    this.pipeline = buildPipeline({ sink: options.sink, router: this.catalog, guard: this.pins, policy, scanner: options.scanner, ...(options.terminal ? { terminal: options.terminal } : {}) });
    const open = options.open ?? ((spec: UpstreamSpec) => openUpstreamTransport(spec, { maxMessageBytes: options.maxMessageBytes, ...(options.sandbox ? { sandbox: options.sandbox } : {}) }));
    const clientRequests = clientRequestBridge({ policy, sessions: () => this.sessions, connection: (server) => this.connections.get(server), sink: options.sink });
    for (const spec of options.upstreams) {
      const up = new Upstream(spec, { open, connectTimeoutMs: options.connectTimeoutMs, maxInFlight: options.maxInFlight, clientRequests, ...(options.backoff ? { backoff: options.backoff } : {}) });
      up.on('warning', (m) => this.log(m));
      up.on('state', (state, detail) => this.log(`${spec.name}: ${state}${detail ? ` (${detail})` : ''}`));
      up.on('catalog', (kind) => this.onCatalog(up, kind));
      up.on('log', (params) => this.forwardLog(up.name, params));
      up.on('resourceUpdated', (params) => this.forwardResourceUpdated(params));
      this.upstreams.set(spec.name, up);
    }
    options.policy.on('reload', () => {
      this.log('policy reloaded');
      this.catalog.invalidate();
      this.broadcast('tools');
      this.broadcast('prompts');
      this.broadcast('resources');
    });
    options.policy.on('error', (err) => this.log(`policy not reloaded: ${err.message}`));
  }

  /** Starts every upstream; resolves when each has finished its first connection attempt. */
  start(): Promise<void> {
    this.started ??= (async () => {
      for (const up of this.upstreams.values()) up.start();
      await Promise.all([...this.upstreams.values()].map((u) => u.firstAttempt));
      this.isReady = true;
    })();
    return this.started;
  }

  /** Waits for the first connection attempts, bounded, so the first tools/list is complete. */
  private async ready(): Promise<void> {
    const started = this.start();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([started, new Promise<void>((r) => (timer = setTimeout(r, this.options.connectTimeoutMs)))]);
    clearTimeout(timer);
  }

  /** Re-reads the lockfile and re-checks every upstream's tools. */
  reloadPins(): boolean {
    const ok = this.options.pins?.verifier?.reload?.() ?? true;
    for (const up of this.upstreams.values()) this.checkPins(up);
    this.catalog.invalidate();
    this.broadcast('tools');
    return ok;
  }

  private checkPins(up: Upstream): void {
    const unpinned = this.pins.update(up.name, up.tools);
    if (unpinned.length > 0) {
      const verb = this.pins.mode === 'enforce' ? 'hidden and refused' : 'allowed (pinning: warn)';
      this.log(`${up.name}: ${unpinned.length} tool(s) do not match the lockfile and are ${verb}: ${unpinned.map((u) => `${u.tool} (${u.status})`).join(', ')}`);
    }
  }

  private onCatalog(up: Upstream, kind: 'tools' | 'prompts' | 'resources'): void {
    if (kind === 'tools') this.checkPins(up);
    this.catalog.invalidate();
    this.broadcast(kind);
  }

  private broadcast(kind: 'tools' | 'prompts' | 'resources'): void {
    for (const server of this.sessions) {
      const send = kind === 'tools' ? server.sendToolListChanged() : kind === 'prompts' ? server.sendPromptListChanged() : server.sendResourceListChanged();
      send.catch(() => undefined); // a client that went away is cleaned up by its onclose
    }
    for (const n of this.notifiers) {
      if (kind === 'tools') n.toolsChanged();
      else if (kind === 'prompts') n.promptsChanged();
      else n.resourcesChanged();
    }
  }

  private forwardLog(server: string, params: Record<string, unknown>): void {
    const logger = typeof params['logger'] === 'string' ? `${server}/${params['logger']}` : server;
    for (const s of this.sessions) s.sendLoggingMessage({ ...(params as { level: 'info'; data: unknown }), logger }).catch(() => undefined);
  }

  private forwardResourceUpdated(params: Record<string, unknown>): void {
    const uri = params['uri'];
    if (typeof uri !== 'string') return;
    for (const s of this.sessions) s.sendResourceUpdated({ uri }).catch(() => undefined);
    for (const n of this.notifiers) n.resourceUpdated(uri);
  }

  /** Registers a notifier for 2026-era HTTP clients (createMcpHandler's `notify`). */
  addNotifier(n: ChangeNotifier): void {
    this.notifiers.add(n);
  }

  /**
   * Every upstream's instructions that pass result scanning. Scanned once per text, not per server
   * instance: a 2026-era HTTP gateway builds an instance for every request.
   */
  private instructions(): string | undefined {
    const parts: string[] = [];
    for (const up of this.upstreams.values()) {
      const text = up.instructions;
      if (!text) continue;
      let verdict = this.instructionVerdicts.get(up.name);
      if (verdict?.text !== text) {
        const hits = this.options.scanner.scan([text], { server: up.name, target: 'instructions' });
        if (hits.length > 0) this.log(`${up.name}: server instructions dropped: they matched ${hits.map((h) => h.ruleId).join(', ')}`);
        verdict = { text, clean: hits.length === 0 };
        this.instructionVerdicts.set(up.name, verdict);
      }
      if (verdict.clean) parts.push(this.options.namespaced ? `## ${up.name}\n${text}` : text);
    }
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  }

  /** A fresh SDK server for one connection (stdio), session (2025 HTTP) or request (2026 HTTP). */
  createServer(conn: ConnectionInfo, era: 'legacy' | 'modern'): Server {
    const instructions = this.instructions();
    const server = new Server(
      GATEWAY_INFO,
      {
        capabilities: { tools: { listChanged: true }, prompts: { listChanged: true }, resources: { subscribe: true, listChanged: true }, completions: {}, logging: {} },
        ...(instructions ? { instructions } : {}),
        debouncedNotificationMethods: LIST_CHANGED,
      },
    );
    server.setRequestHandler('tools/list', async () => {
      await this.ready();
      return { tools: this.catalog.tools() };
    });
    server.setRequestHandler('prompts/list', async () => {
      await this.ready();
      return { prompts: this.catalog.prompts() };
    });
    server.setRequestHandler('resources/list', async () => {
      await this.ready();
      return { resources: this.catalog.resources() };
    });
    server.setRequestHandler('resources/templates/list', async () => {
      await this.ready();
      return { resourceTemplates: this.catalog.resourceTemplates() };
    });
    const call = (op: Operation) => (request: { params?: Record<string, unknown> }, ctx: ServerContext) => this.call(op, request.params ?? {}, ctx, server, conn, era) as never;
    server.setRequestHandler('tools/call', call('tools/call'));
    server.setRequestHandler('prompts/get', call('prompts/get'));
    server.setRequestHandler('resources/read', call('resources/read'));
    server.setRequestHandler('completion/complete', call('completion/complete'));
    if (era === 'legacy') {
      const subscription = (method: 'resources/subscribe' | 'resources/unsubscribe') => async (request: { params: { uri: string } }, ctx: ServerContext) => {
        const route = this.catalog.routeUri(request.params.uri);
        const up = route ? this.upstreams.get(route.server) : undefined;
        if (!route || !up) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown resource: ${request.params.uri}`);
        try {
          await up.request(method, { uri: route.target }, { signal: ctx.mcpReq.signal });
        } catch (err) {
          throw wireError(err);
        }
        return {};
      };
      server.setRequestHandler('resources/subscribe', subscription('resources/subscribe'));
      server.setRequestHandler('resources/unsubscribe', subscription('resources/unsubscribe'));
    }
    server.setNotificationHandler('notifications/roots/list_changed', () => {
      for (const up of this.upstreams.values()) up.notifyRootsChanged();
    });
    if (conn.push) {
      this.connections.set(server, conn);
      this.sessions.add(server);
      server.onclose = () => this.sessions.delete(server);
    }
    return server;
  }

  private identity(server: Server, ctx: ServerContext, conn: ConnectionInfo, era: 'legacy' | 'modern'): { client: ClientIdentity; canElicit: boolean } {
    const envelope = era === 'modern' ? (ctx.mcpReq.envelope as Record<string, unknown> | undefined) : undefined;
    const info = (envelope ? envelope[CLIENT_INFO_META_KEY] : server.getClientVersion()) as ClientInfo | undefined;
    const caps = (envelope ? envelope[CLIENT_CAPABILITIES_META_KEY] : server.getClientCapabilities()) as ClientCaps | undefined;
    return clientIdentity(conn, info, caps, ctx.http?.authInfo);
  }

  /** A call that arrived through an SDK server instance (HTTP, and stdio requests the call lane leaves to the SDK). */
  private call(op: Operation, rawParams: Record<string, unknown>, sdk: ServerContext, server: Server, conn: ConnectionInfo, era: 'legacy' | 'modern'): Promise<Record<string, unknown>> {
    const { client, canElicit } = this.identity(server, sdk, conn, era);
    const approver = `elicitation:${client.principal ?? client.name}`;
    return this.dispatch(op, rawParams, {
      client,
      signal: sdk.mcpReq.signal,
      approval: era === 'modern' ? modernApprovalChannel(sdk, canElicit, approver, this.approvals) : legacyApprovalChannel((params, options) => sdk.mcpReq.elicitInput(params, options), canElicit, approver),
      progress: (token, update) => void sdk.mcpReq.notify({ method: 'notifications/progress', params: { ...update, progressToken: token } }).catch(() => undefined),
    });
  }

  /**
   * Runs one client request through the pipeline to its upstream. Resolves with the result to send
   * (or the `input_required` result); rejects with a ProtocolError (or an AbortError when the
   * client's signal aborted) for the session to send back.
   */
  async dispatch(op: Operation, rawParams: Record<string, unknown>, origin: CallOrigin): Promise<Record<string, unknown>> {
    if (this.draining) throw new ProtocolError(ProtocolErrorCode.InternalError, 'mcp-warden is shutting down');
    if (!this.isReady) await this.ready();
    const { params, token } = stripProgressToken(rawParams);
    const ref = params['ref'] as { name?: unknown; uri?: unknown } | undefined;
    const requested = op === 'resources/read' ? params['uri'] : op === 'completion/complete' ? (ref?.name ?? ref?.uri) : params['name'];
    const clientSignal = origin.signal;
    const lent = origin.controller !== undefined && origin.controller.signal === clientSignal;
    const abort = lent ? (origin.controller as AbortController) : new AbortController();
    const onAbort = () => abort.abort(clientSignal.reason);
    if (!lent) {
      if (clientSignal.aborted) onAbort();
      else clientSignal.addEventListener('abort', onAbort, { once: true });
    }
    const ctx = createContext({
      op,
      client: origin.client,
      requested: typeof requested === 'string' ? requested : '',
      params,
      signal: abort.signal,
      ...(origin.approval ? { approval: origin.approval } : {}),
      ...(token !== undefined ? { onProgress: (p: ProgressUpdate) => origin.progress(token, p) } : {}),
    });
    const run = this.pipeline(ctx, () => this.forward(ctx));
    this.inflight.set(abort, run);
    try {
      await run;
      return ctx.inputRequired ?? ctx.result ?? {};
    } catch (err) {
      throw wireError(err);
    } finally {
      this.inflight.delete(abort);
      if (!lent) clientSignal.removeEventListener('abort', onAbort);
    }
  }

  private async forward(ctx: GatewayContext): Promise<void> {
    const up = this.upstreams.get(ctx.server ?? '');
    if (!up) throw new Error(`no upstream ${ctx.server ?? ''}`);
    const t0 = performance.now();
    try {
      ctx.result = await up.request(ctx.op, ctx.params, { signal: ctx.signal, ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}) });
    } finally {
      ctx.upstreamMs = performance.now() - t0;
    }
    ctx.resultSize = payloadSize(ctx.result);
  }

  /**
   * Whether the current policy would ask a human before this tool call. The HTTP call lane leaves
   * such calls to the SDK path, whose response stream can carry the elicitation.
   */
  asksApproval(requested: string, args: unknown, client: ClientIdentity): boolean {
    const route = this.catalog.resolve('tools/call', requested, {});
    if (!route) return false;
    const objectArgs = args !== null && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : undefined;
    return this.options.policy.current.decide({ server: route.server, tool: route.target, client: client.principal ?? client.name, args: objectArgs }).action === 'ask';
  }

  /** Number of calls in flight. */
  get inFlight(): number {
    return this.inflight.size;
  }

  /**
   * Stops accepting calls, gives in-flight calls `graceMs` to finish, aborts the rest (each still
   * gets its audit record), then stops every upstream.
   */
  async shutdown(graceMs = 2000): Promise<void> {
    this.draining = true;
    const settled = (ms: number) => {
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([Promise.allSettled([...this.inflight.values()]), new Promise((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
    };
    if (this.inflight.size > 0) await settled(graceMs);
    for (const a of this.inflight.keys()) a.abort(new Error('mcp-warden is shutting down'));
    // Aborted calls unwind through the pipeline and record their audit entries.
    if (this.inflight.size > 0) await settled(1000);
    this.options.policy.close();
    await Promise.all([...this.upstreams.values()].map((u) => u.stop()));
    for (const s of this.sessions) await s.close().catch(() => undefined);
  }
}
