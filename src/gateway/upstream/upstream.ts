/**
 * @module gateway/upstream/upstream
 * One upstream server as the gateway sees it: an SDK client connection that is restarted with
 * backoff when it dies, a catalog (tools, prompts, resources) refreshed on list_changed (coalesced,
 * so a notification storm costs one refresh per interval), and `request()` that fails fast and
 * cleanly while the server is down, hung (timeout) or overloaded (in-flight cap).
 */
import { EventEmitter } from 'node:events';
import { ProtocolError, SdkError, SdkErrorCode, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/client';
import { UpstreamClient } from './client.js';
import type { Prompt, Resource, ResourceTemplateType, ServerCapabilities, StandardSchemaV1, Tool, Transport } from '@modelcontextprotocol/client';
import { VERSION } from '../../version.js';
import type { ClientRequestBridge } from '../client-requests.js';
import { CLIENT_REQUEST_CAPABILITY, CLIENT_REQUEST_METHODS } from '../client-requests.js';
import type { UpstreamSpec } from '../config.js';
import { GatewayError, GatewayErrorCode } from '../errors.js';
import type { ProgressUpdate } from '../types.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { RequestRelay } from './relay.js';

export type UpstreamState = 'starting' | 'ready' | 'backoff' | 'stopped';
export type CatalogKind = 'tools' | 'prompts' | 'resources';

export interface UpstreamEvents {
  state: [state: UpstreamState, detail?: string];
  catalog: [kind: CatalogKind];
  log: [params: Record<string, unknown>];
  resourceUpdated: [params: Record<string, unknown>];
  warning: [message: string];
}

export interface UpstreamOptions {
  open: (spec: UpstreamSpec) => Promise<Transport>;
  connectTimeoutMs: number;
  maxInFlight: number;
  /** Least time between two catalog refreshes triggered by list_changed. */
  refreshIntervalMs?: number;
  /** Most tools (prompts, resources) kept from one server. */
  maxItems?: number;
  backoff?: BackoffOptions;
  /** Relays sampling, elicitation and roots requests from the server to the client. */
  clientRequests?: ClientRequestBridge;
}

export interface UpstreamRequestOptions {
  signal: AbortSignal;
  onProgress?: (update: ProgressUpdate) => void;
}

/**
 * Result schema for forwarded requests: any JSON object. The gateway is a proxy: the SDK server
 * facing the client validates every result before it is sent, so validating it here as well
 * would parse each result twice on the hot path. Middleware walks results defensively.
 */
export const ANY_OBJECT: StandardSchemaV1<Record<string, unknown>> = {
  '~standard': {
    version: 1,
    vendor: 'mcp-warden',
    validate: (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { value: value as Record<string, unknown> } : { issues: [{ message: 'expected a JSON object' }] }),
  },
};

/** A connection is considered stable (and the backoff reset) after this long. */
const STABLE_MS = 30_000;

export class Upstream extends EventEmitter<UpstreamEvents> {
  state: UpstreamState = 'stopped';
  tools: Tool[] = [];
  prompts: Prompt[] = [];
  resources: Resource[] = [];
  templates: ResourceTemplateType[] = [];
  capabilities: ServerCapabilities | undefined;
  instructions: string | undefined;
  /** Resolves once the first connection attempt has finished (successfully or not). */
  readonly firstAttempt: Promise<void>;
  restarts = 0;

  private client: UpstreamClient | undefined;
  /** Calls bypass the SDK client's request path on 2025-era connections (see relay.ts). */
  private relay: RequestRelay | undefined;
  private attempts = 0;
  private timer: NodeJS.Timeout | undefined;
  private stableTimer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  /** Requests sent to this upstream and not yet answered. */
  get pendingRequests(): number {
    return this.inFlight;
  }
  private pending = new Set<CatalogKind>();
  private refreshing = false;
  private stopping = false;
  private settleFirst!: () => void;

  constructor(
    readonly spec: UpstreamSpec,
    private readonly options: UpstreamOptions,
  ) {
    super();
    this.firstAttempt = new Promise((resolve) => (this.settleFirst = resolve));
  }

  get name(): string {
    return this.spec.name;
  }

  get remote(): boolean {
    return this.spec.transport !== 'stdio';
  }

  start(): void {
    if (this.state !== 'stopped' || this.stopping) return;
    void this.connect();
  }

  private setState(state: UpstreamState, detail?: string): void {
    this.state = state;
    this.emit('state', state, detail);
  }

  private async connect(): Promise<void> {
    this.setState('starting');
    const bridge = this.options.clientRequests;
    const capabilities = bridge?.capabilities() ?? {};
    const client = new UpstreamClient({ name: 'mcp-warden', version: VERSION }, { capabilities, versionNegotiation: { mode: this.spec.protocol }, listMaxPages: 32 });
    if (bridge) {
      for (const method of CLIENT_REQUEST_METHODS) {
        if (capabilities[CLIENT_REQUEST_CAPABILITY[method]] === undefined) continue;
        client.setRequestHandler(method, (request, ctx) => bridge.relay(this.name, method, (request.params ?? {}) as Record<string, unknown>, ctx.mcpReq.signal) as never);
      }
    }
    this.client = client;
    client.onerror = (err) => this.emit('warning', `${this.name}: ${err.message}`);
    client.onclose = () => this.onClosed(client);
    client.setNotificationHandler('notifications/tools/list_changed', () => this.scheduleRefresh('tools'));
    client.setNotificationHandler('notifications/prompts/list_changed', () => this.scheduleRefresh('prompts'));
    client.setNotificationHandler('notifications/resources/list_changed', () => this.scheduleRefresh('resources'));
    client.setNotificationHandler('notifications/resources/updated', (n) => void this.emit('resourceUpdated', n.params as Record<string, unknown>));
    client.setNotificationHandler('notifications/message', (n) => void this.emit('log', n.params as Record<string, unknown>));
    try {
      const transport = await this.options.open(this.spec);
      await client.connect(transport, { timeout: this.options.connectTimeoutMs });
      if (this.client !== client || this.stopping) return;
      const version = client.getNegotiatedProtocolVersion();
      this.relay = version !== undefined && SUPPORTED_PROTOCOL_VERSIONS.includes(version) ? new RequestRelay(transport) : undefined;
      this.capabilities = client.getServerCapabilities();
      this.instructions = client.getInstructions();
      await Promise.all((['tools', 'prompts', 'resources'] as const).map((k) => this.refresh(k)));
      if (this.client !== client || this.stopping) return;
      this.setState('ready');
      this.stableTimer = setTimeout(() => (this.attempts = 0), STABLE_MS);
      this.stableTimer.unref();
      for (const kind of ['tools', 'prompts', 'resources'] as const) this.emit('catalog', kind);
    } catch (err) {
      if (this.client !== client || this.stopping) return;
      this.emit('warning', `${this.name}: failed to start: ${(err as Error).message}`);
      this.client = undefined;
      this.relay = undefined;
      client.onclose = undefined;
      await client.close().catch(() => undefined);
      this.scheduleRestart();
    } finally {
      this.settleFirst();
    }
  }

  private onClosed(client: UpstreamClient): void {
    if (client !== this.client || this.stopping) return;
    this.client = undefined;
    this.relay = undefined;
    clearTimeout(this.stableTimer);
    this.emit('warning', `${this.name}: connection closed; restarting`);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = backoffDelay(this.attempts++, this.options.backoff);
    this.restarts++;
    this.setState('backoff', `restart in ${delay} ms`);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  /** Queues a catalog refresh; refreshes run one at a time, at most one per interval. */
  scheduleRefresh(kind: CatalogKind): void {
    this.pending.add(kind);
    if (!this.refreshing && this.state === 'ready') void this.refreshLoop();
  }

  private async refreshLoop(): Promise<void> {
    this.refreshing = true;
    try {
      while (this.pending.size > 0 && this.state === 'ready') {
        const kinds = [...this.pending];
        this.pending.clear();
        for (const kind of kinds) {
          await this.refresh(kind);
          this.emit('catalog', kind);
        }
        if (this.pending.size > 0) await new Promise((r) => setTimeout(r, this.options.refreshIntervalMs ?? 250).unref());
      }
    } finally {
      this.refreshing = false;
    }
  }

  private async refresh(kind: CatalogKind): Promise<void> {
    const client = this.client;
    const caps = this.capabilities;
    if (!client) return;
    const max = this.options.maxItems ?? 5000;
    const cap = <T>(items: T[], what: string): T[] => {
      if (items.length <= max) return items;
      this.emit('warning', `${this.name}: ${items.length} ${what} advertised; keeping the first ${max}`);
      return items.slice(0, max);
    };
    try {
      if (kind === 'tools') this.tools = caps?.tools ? cap((await client.listTools(undefined, { cacheMode: 'bypass', timeout: this.options.connectTimeoutMs })).tools, 'tools') : [];
      else if (kind === 'prompts') this.prompts = caps?.prompts ? cap((await client.listPrompts(undefined, { cacheMode: 'bypass', timeout: this.options.connectTimeoutMs })).prompts, 'prompts') : [];
      else if (caps?.resources) {
        this.resources = cap((await client.listResources(undefined, { cacheMode: 'bypass', timeout: this.options.connectTimeoutMs })).resources, 'resources');
        this.templates = cap((await client.listResourceTemplates(undefined, { cacheMode: 'bypass', timeout: this.options.connectTimeoutMs })).resourceTemplates, 'resource templates');
      } else {
        this.resources = [];
        this.templates = [];
      }
    } catch (err) {
      // Keep the previous list: a server that fails to list must not make tools vanish and reappear.
      this.emit('warning', `${this.name}: listing ${kind} failed: ${(err as Error).message}`);
    }
  }

  /** Tells the server the client's roots changed (it will ask for them again). */
  notifyRootsChanged(): void {
    if (this.state === 'ready' && this.options.clientRequests?.capabilities().roots) void this.client?.sendRootsListChanged().catch(() => undefined);
  }

  /** Sends a request upstream. Fails fast with a GatewayError while the server is down or overloaded. */
  async request(method: 'tools/call' | 'prompts/get' | 'resources/read' | 'completion/complete' | 'resources/subscribe' | 'resources/unsubscribe', params: Record<string, unknown>, options: UpstreamRequestOptions): Promise<Record<string, unknown>> {
    const client = this.client;
    if (this.state !== 'ready' || !client) {
      throw new GatewayError(GatewayErrorCode.UpstreamUnavailable, `Server ${this.name} is unavailable (${this.state === 'backoff' ? 'restarting after a failure' : this.state}); retry shortly.`, { reason: `upstream ${this.state}`, server: this.name }, 'error');
    }
    if (this.inFlight >= this.options.maxInFlight) {
      throw new GatewayError(GatewayErrorCode.UpstreamUnavailable, `Server ${this.name} has ${this.inFlight} calls in flight; refusing more.`, { reason: 'too many calls in flight', server: this.name }, 'error');
    }
    this.inFlight++;
    try {
      const onprogress = options.onProgress;
      const relay = this.relay;
      if (relay) {
        return await relay.request(method, params, { signal: options.signal, timeoutMs: this.spec.timeoutMs, ...(onprogress ? { onProgress: onprogress, maxTotalMs: this.spec.timeoutMs * 10 } : {}) });
      }
      const result = await client.request({ method, params }, ANY_OBJECT, {
        signal: options.signal,
        timeout: this.spec.timeoutMs,
        ...(onprogress ? { onprogress: (p: ProgressUpdate) => onprogress(p), resetTimeoutOnProgress: true, maxTotalTimeout: this.spec.timeoutMs * 10 } : {}),
      });
      return result;
    } catch (err) {
      throw this.mapError(err, options.signal);
    } finally {
      this.inFlight--;
    }
  }

  private mapError(err: unknown, signal: AbortSignal): unknown {
    if (err instanceof ProtocolError) return err; // the upstream's own JSON-RPC error goes to the client as-is
    if (signal.aborted) {
      // The SDK reports an aborted request as a timeout; say what really happened.
      const reason = signal.reason instanceof Error ? signal.reason.message : 'the client cancelled the call';
      return new GatewayError(GatewayErrorCode.UpstreamFailed, `Call to ${this.name} cancelled: ${reason}.`, { reason: `cancelled: ${reason}`, server: this.name }, 'error');
    }
    if (err instanceof SdkError) {
      if (err.code === SdkErrorCode.RequestTimeout) return new GatewayError(GatewayErrorCode.UpstreamFailed, `Server ${this.name} did not answer within ${this.spec.timeoutMs} ms.`, { reason: 'upstream timeout', server: this.name }, 'error');
      if (err.code === SdkErrorCode.ConnectionClosed || err.code === SdkErrorCode.NotConnected || err.code === SdkErrorCode.SendFailed) {
        return new GatewayError(GatewayErrorCode.UpstreamUnavailable, `Server ${this.name} went away during the call; it is being restarted.`, { reason: 'upstream connection closed', server: this.name }, 'error');
      }
      return new GatewayError(GatewayErrorCode.UpstreamFailed, `Server ${this.name} failed: ${err.message}`, { reason: err.code, server: this.name }, 'error');
    }
    if (err instanceof Error && err.name === 'AbortError') return err;
    return new GatewayError(GatewayErrorCode.UpstreamFailed, `Server ${this.name} failed: ${(err as Error)?.message ?? String(err)}`, { reason: 'upstream failure', server: this.name }, 'error');
  }

  /** Stops the server for good (process killed, connection closed). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearTimeout(this.stableTimer);
    const client = this.client;
    this.client = undefined;
    this.relay = undefined;
    this.setState('stopped');
    this.settleFirst();
    await client?.close().catch(() => undefined);
  }
}
