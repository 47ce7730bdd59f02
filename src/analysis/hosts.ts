/**
 * @fileoverview Where a URL points: this machine, a private network, or the internet. Used to
 * judge plaintext transports and unauthenticated remotes; purely syntactic (no DNS lookups).
 */

export type HostScope = 'loopback' | 'private' | 'public';

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : undefined;
}

function scopeOfIpv4([a, b]: number[]): HostScope {
  if (a === 127 || a === 0) return 'loopback'; // 0.0.0.0 as a destination reaches this host
  if (a === 10 || (a === 172 && (b as number) >= 16 && (b as number) <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && (b as number) >= 64 && (b as number) <= 127)) return 'private';
  return 'public';
}

/** Suffixes reserved for local networks (RFC 6762 .local, RFC 8375 home.arpa, common internal TLDs, Kubernetes service names). */
const PRIVATE_SUFFIXES = ['.local', '.lan', '.internal', '.intranet', '.corp', '.home', '.home.arpa', '.localdomain', '.svc', '.cluster.local'];

/**
 * Classifies a URL hostname as the WHATWG URL parser returns it.
 * @param hostname e.g. `localhost`, `127.0.0.1`, `[::1]`, `10.0.0.5`, `api.example.com`
 */
export function hostScope(hostname: string): HostScope {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4(h);
  if (v4) return scopeOfIpv4(v4);
  if (h.startsWith('[')) {
    const v6 = h.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    if (mapped) return hostScope(mapped[1] ?? '');
    if (/^::ffff:7f[0-9a-f]{2}:/.test(v6)) return 'loopback';
    if (/^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6)) return 'private';
    return 'public';
  }
  if (!h.includes('.')) return 'private'; // a single-label name resolves on the local network
  return PRIVATE_SUFFIXES.some((s) => h.endsWith(s)) ? 'private' : 'public';
}

/** Parses a URL, or undefined when it is not one. */
export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text.trim());
  } catch {
    return undefined; // not a URL: the caller treats it as text
  }
}
