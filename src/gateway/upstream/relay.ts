/**
 * @module gateway/upstream/relay
 * The hot path to a 2025-era upstream: a client's call goes out as one JSON-RPC request on the
 * upstream's SDK transport and its answer is routed straight back. The SDK client keeps the
 * session (handshake, listing, notifications, the server's own requests); only calls bypass its
 * per-request machinery (handler maps, schema-checked type guards on every inbound message,
 * abort plumbing), which cost more than all of mcp-warden's checks on a 1 KB call.
 *
 * Relay ids are strings in a namespace of their own, so they never collide with the SDK's numeric
 * ids; progress tokens are the same strings. Errors are the SDK's own types (ProtocolError for the
 * upstream's JSON-RPC errors, SdkError for timeouts and closed connections), so callers handle
 * both paths alike.
 */
import { ProtocolError, SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import type { ProgressUpdate } from '../types.js';

export interface RelayRequestOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** With progress, each update restarts the timeout, up to `maxTotalMs` in all. */
  onProgress?: (update: ProgressUpdate) => void;
  maxTotalMs?: number;
}

interface Pending {
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  options: RelayRequestOptions;
  startedAt: number;
  onAbort: () => void;
}

const ID_PREFIX = 'mcp-warden:';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class RequestRelay {
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  private closed = false;

  /**
   * Hooks into `transport` after the SDK client has connected it: relay answers are taken out of
   * the inbound stream before the SDK sees it, everything else reaches the SDK unchanged.
   */
  constructor(private readonly transport: Transport) {
    const sdkMessage = transport.onmessage;
    const sdkClose = transport.onclose;
    transport.onmessage = (message, extra) => {
      if (!this.take(message)) sdkMessage?.call(transport, message, extra);
    };
    transport.onclose = () => {
      this.close();
      sdkClose?.call(transport);
    };
  }

  /** Requests waiting for an answer. */
  get size(): number {
    return this.pending.size;
  }

  request(method: string, params: Record<string, unknown>, options: RelayRequestOptions): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'));
    if (options.signal.aborted) return Promise.reject(abortError(options.signal));
    const id = `${ID_PREFIX}${++this.seq}`;
    let sent = params;
    if (options.onProgress) {
      const meta = isObject(params['_meta']) ? params['_meta'] : {};
      sent = { ...params, _meta: { ...meta, progressToken: id } };
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.settle(id, abortError(options.signal));
        this.transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: reasonText(options.signal) } }).catch(() => undefined);
      };
      const entry: Pending = { resolve, reject, options, startedAt: performance.now(), onAbort, timer: this.timeout(id, options.timeoutMs) };
      this.pending.set(id, entry);
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.transport.send({ jsonrpc: '2.0', id, method, params: sent }).catch((err: unknown) => {
        this.settle(id, new SdkError(SdkErrorCode.SendFailed, `Failed to send request: ${err instanceof Error ? err.message : String(err)}`));
      });
    });
  }

  /** Fails every waiting request (the connection is gone). */
  close(): void {
    this.closed = true;
    for (const id of [...this.pending.keys()]) this.settle(id, new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'));
  }

  /** Handles a relay answer or progress update; false for anything the SDK should see. */
  private take(message: JSONRPCMessage): boolean {
    const m = message as Record<string, unknown>;
    const id = m['id'];
    if (typeof id === 'string') {
      if (!id.startsWith(ID_PREFIX) || m['method'] !== undefined) return false;
      const error = m['error'];
      if (isObject(error)) this.settle(id, ProtocolError.fromError(typeof error['code'] === 'number' ? error['code'] : -32603, typeof error['message'] === 'string' ? error['message'] : 'Internal error', error['data']));
      else if (isObject(m['result'])) this.settle(id, undefined, m['result']);
      else this.settle(id, new SdkError(SdkErrorCode.InvalidResult, 'Upstream answered with neither a result object nor an error'));
      return true; // an answer to a relay id that is no longer waiting (cancelled, timed out) is dropped here too
    }
    if (m['method'] === 'notifications/progress' && isObject(m['params'])) {
      const { progressToken, ...update } = m['params'];
      if (typeof progressToken !== 'string' || !progressToken.startsWith(ID_PREFIX)) return false;
      const entry = this.pending.get(progressToken);
      if (entry?.options.onProgress && typeof update['progress'] === 'number') {
        clearTimeout(entry.timer);
        const left = (entry.options.maxTotalMs ?? Infinity) - (performance.now() - entry.startedAt);
        entry.timer = this.timeout(progressToken, Math.max(0, Math.min(entry.options.timeoutMs, left)));
        entry.options.onProgress(update as unknown as ProgressUpdate);
      }
      return true;
    }
    return false;
  }

  private timeout(id: string, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      this.settle(id, new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout: ms }));
      this.transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: 'timed out' } }).catch(() => undefined);
    }, ms);
  }

  private settle(id: string, error: unknown, result?: Record<string, unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.options.signal.removeEventListener('abort', entry.onAbort);
    if (error !== undefined) entry.reject(error);
    else entry.resolve(result ?? {});
  }
}

function reasonText(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : 'cancelled';
}

function abortError(signal: AbortSignal): Error {
  const err = new Error(reasonText(signal));
  err.name = 'AbortError';
  return err;
}
