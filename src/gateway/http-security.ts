/**
 * @module gateway/http-security
 * The checks every HTTP request passes before it reaches MCP: path, Host (DNS rebinding), Origin
 * (browsers on other sites), bearer token (required when not bound to loopback) and declared body
 * size. Pure functions over headers, so they are tested without sockets.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface HttpSecurityOptions {
  /** Address the gateway listens on. */
  host: string;
  path: string;
  tokens: ReadonlyArray<{ name: string; token: string }>;
  /** Extra allowed origins (`https://app.example.com`), besides loopback origins on a loopback bind. */
  allowedOrigins: readonly string[];
  /** Extra allowed Host names, besides loopback names on a loopback bind. */
  allowedHosts: readonly string[];
  maxBodyBytes: number;
}

export type SecurityVerdict = { ok: true; principal?: string } | { ok: false; status: number; message: string; headers?: Record<string, string> };

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Hostname of a Host header value (port and IPv6 brackets removed), lowercased. */
export function hostnameOf(hostHeader: string): string {
  const v = hostHeader.trim().toLowerCase();
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    return end === -1 ? v : v.slice(1, end);
  }
  const colon = v.lastIndexOf(':');
  return colon === -1 ? v : v.slice(0, colon);
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Builds the per-request check. Throws when the options are unsafe (non-loopback bind without tokens). */
export function httpSecurity(options: HttpSecurityOptions): (req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) => SecurityVerdict {
  const loopback = isLoopback(options.host);
  if (!loopback && options.tokens.length === 0) {
    throw new Error(`binding to ${options.host} (not loopback) requires at least one bearer token in listen.http.tokens`);
  }
  const hosts = new Set(options.allowedHosts.map((h) => hostnameOf(h)));
  if (loopback) for (const n of LOOPBACK_NAMES) hosts.add(n.replace(/^\[(.*)\]$/, '$1'));
  const origins = new Set(options.allowedOrigins.map((o) => o.toLowerCase().replace(/\/$/, '')));
  const tokens = options.tokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

  return (req) => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    if (url.pathname !== options.path) return { ok: false, status: 404, message: 'Not found' };

    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
    const host = one(req.headers['host']);
    if (hosts.size > 0 && (host === undefined || !hosts.has(hostnameOf(host)))) {
      return { ok: false, status: 403, message: 'Forbidden: Host header not allowed' };
    }

    // Browsers always send Origin on cross-site requests; non-browser clients usually send none.
    const origin = one(req.headers['origin']);
    if (origin !== undefined) {
      let allowed = origins.has(origin.toLowerCase().replace(/\/$/, ''));
      if (!allowed && loopback) {
        try {
          const o = new URL(origin);
          allowed = (o.protocol === 'http:' || o.protocol === 'https:') && isLoopback(o.hostname);
        } catch {
          allowed = false; // "null" and garbage are foreign
        }
      }
      if (!allowed) return { ok: false, status: 403, message: 'Forbidden: Origin not allowed' };
    }

    let principal: string | undefined;
    if (tokens.length > 0) {
      const auth = one(req.headers['authorization']) ?? '';
      const m = /^Bearer\s+(\S{1,4096})$/i.exec(auth);
      const given = m?.[1] !== undefined ? digest(m[1]) : undefined;
      // Compare digests in constant time against every token (no early exit reveals which one was close).
      for (const t of tokens) if (given !== undefined && timingSafeEqual(given, t.digest)) principal ??= t.name;
      if (principal === undefined) {
        return { ok: false, status: 401, message: 'Unauthorized: a valid bearer token is required', headers: { 'www-authenticate': 'Bearer realm="mcp-warden"' } };
      }
    }

    const length = Number(one(req.headers['content-length']) ?? '0');
    if (Number.isFinite(length) && length > options.maxBodyBytes) return { ok: false, status: 413, message: `Payload too large (limit ${options.maxBodyBytes} bytes)` };
    return principal !== undefined ? { ok: true, principal } : { ok: true };
  };
}
