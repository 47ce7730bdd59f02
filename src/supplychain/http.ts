/**
 * @module supplychain/http
 * The one way `vet` talks to registries: make-fetch-happen (npm's HTTP client) with its RFC 7234
 * cache on disk. Online, every request revalidates so "what @latest resolves to today" is today's
 * answer; `--offline` answers only from that cache and never opens a socket. Every host contacted is
 * recorded so the report can say where vet went.
 */
import makeFetchHappen from 'make-fetch-happen';

/** Largest registry response vet reads (big npm packuments are tens of MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

export type HttpFailure =
  | 'not-found' // 404/410: the registry says there is no such thing
  | 'offline-miss' // --offline and nothing cached
  | 'network' // DNS, refused, reset, timeout
  | 'http' // any other non-2xx
  | 'invalid' // not JSON, or over the size limit
  | 'unauthorized'; // 401/403 that a token exchange could not fix

export type HttpResult<T = unknown> =
  | { ok: true; status: number; body: T; headers: Record<string, string>; fromCache: boolean }
  | { ok: false; failure: HttpFailure; status?: number; reason: string; headers?: Record<string, string> };

export interface HostUse {
  host: string;
  /** Requests that reached the network (including revalidations). */
  network: number;
  /** Requests answered from the local cache without contacting the host. */
  cached: number;
}

export interface HttpClientOptions {
  cacheDir: string;
  offline: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export interface GetOptions {
  accept?: string;
  headers?: Record<string, string>;
  /** Method; HEAD is used for OCI digests. */
  method?: 'GET' | 'HEAD';
  /** Parse the body as JSON (default) or return it as a Buffer. */
  as?: 'json' | 'buffer';
}

/**
 * HTTP client for registries with a shared cache and a per-host ledger. Errors are values: a call
 * never throws for a network or HTTP problem, it returns `{ ok: false, failure, reason }`.
 */
export class RegistryHttp {
  readonly offline: boolean;
  private readonly fetch: ReturnType<typeof makeFetchHappen.defaults>;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly ledger = new Map<string, HostUse>();

  constructor(opts: HttpClientOptions) {
    this.offline = opts.offline;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = makeFetchHappen.defaults({
      cachePath: opts.cacheDir,
      cache: opts.offline ? 'only-if-cached' : 'no-cache',
      timeout: this.timeoutMs,
      retry: opts.offline ? false : { retries: 1, minTimeout: 200, maxTimeout: 1000 },
      headers: { 'user-agent': opts.userAgent ?? 'mcp-warden-vet' },
    });
  }

  /** Hosts used so far, in first-use order. */
  hosts(): HostUse[] {
    return [...this.ledger.values()];
  }

  private note(url: string, fromCache: boolean): void {
    const host = new URL(url).host;
    const use = this.ledger.get(host) ?? { host, network: 0, cached: 0 };
    if (fromCache) use.cached++;
    else use.network++;
    this.ledger.set(host, use);
  }

  async get<T = unknown>(url: string, opts: GetOptions = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { accept: opts.accept ?? 'application/json', ...opts.headers };
    let res: Awaited<ReturnType<typeof this.fetch>>;
    try {
      res = await this.fetch(url, { method: opts.method ?? 'GET', headers, size: this.maxBytes, timeout: this.timeoutMs });
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { type?: string };
      if (e.code === 'ENOTCACHED') {
        this.note(url, true);
        return { ok: false, failure: 'offline-miss', reason: `${url}: not in the cache (--offline)` };
      }
      this.note(url, false);
      if (e.type === 'max-size') return { ok: false, failure: 'invalid', reason: `${url}: response over ${this.maxBytes} bytes` };
      return { ok: false, failure: 'network', reason: `${url}: ${e.code ?? e.type ?? 'error'}: ${e.message.split('\n')[0] ?? ''}` };
    }
    const cacheStatus = res.headers.get('x-local-cache-status');
    const fromCache = cacheStatus === 'hit' || cacheStatus === 'stale' || (this.offline && cacheStatus !== 'skip' && cacheStatus !== null);
    this.note(url, fromCache);
    const plainHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!k.startsWith('x-local-cache')) plainHeaders[k] = v;
    });
    if (res.status === 404 || res.status === 410) {
      await res.arrayBuffer().catch(() => undefined);
      return { ok: false, failure: 'not-found', status: res.status, reason: `${url}: ${res.status} not found` };
    }
    if (res.status === 401 || res.status === 403) {
      await res.arrayBuffer().catch(() => undefined);
      return { ok: false, failure: 'unauthorized', status: res.status, reason: `${url}: HTTP ${res.status}`, headers: plainHeaders };
    }
    if (res.status < 200 || res.status >= 300) {
      await res.arrayBuffer().catch(() => undefined);
      return { ok: false, failure: 'http', status: res.status, reason: `${url}: HTTP ${res.status}`, headers: plainHeaders };
    }
    if (opts.method === 'HEAD') return { ok: true, status: res.status, body: undefined as T, headers: plainHeaders, fromCache };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > this.maxBytes) {
      (res.body as unknown as { resume?: () => void } | null)?.resume?.();
      return { ok: false, failure: 'invalid', reason: `${url}: response over ${this.maxBytes} bytes` };
    }
    let buf: Buffer;
    try {
      // Counted while streaming: a hostile registry cannot make vet buffer more than maxBytes.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.maxBytes) {
          (res.body as unknown as { destroy?: () => void }).destroy?.();
          return { ok: false, failure: 'invalid', reason: `${url}: response over ${this.maxBytes} bytes` };
        }
        chunks.push(chunk);
      }
      buf = Buffer.concat(chunks);
    } catch (err) {
      const e = err as Error & { type?: string };
      return { ok: false, failure: e.type === 'max-size' ? 'invalid' : 'network', reason: `${url}: ${e.type === 'max-size' ? `response over ${this.maxBytes} bytes` : e.message}` };
    }
    if (opts.as === 'buffer') return { ok: true, status: res.status, body: buf as T, headers: plainHeaders, fromCache };
    try {
      return { ok: true, status: res.status, body: JSON.parse(buf.toString('utf8')) as T, headers: plainHeaders, fromCache };
    } catch {
      return { ok: false, failure: 'invalid', status: res.status, reason: `${url}: response is not JSON` };
    }
  }
}

/** `WWW-Authenticate` challenge headers of a failed result, when the server sent one (OCI token flow). */
export function challengeOf(r: HttpResult): string | undefined {
  return r.ok ? undefined : r.headers?.['www-authenticate'];
}
