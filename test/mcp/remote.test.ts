// Remote transports against real loopback HTTP servers: streamable HTTP, SSE fallback, auth,
// redirects, oversized and hanging responses.
import { afterEach, describe, expect, test } from 'vitest';
import { inspectTarget, type InspectSettings } from '../../src/mcp/inspect-target.js';
import { wardenIdentity } from '../../src/mcp/identities.js';
import { DEFAULT_LIMITS } from '../../src/mcp/limits.js';
import { startHttpFixture, type HttpFixture } from '../fixtures/servers/http-servers.js';

const settings = (over: Partial<InspectSettings> = {}): InspectSettings => ({
  identity: wardenIdentity(),
  connectTimeoutMs: 20_000,
  requestTimeoutMs: 20_000,
  limits: DEFAULT_LIMITS,
  protocol: 'auto',
  ...over,
});

const fixtures: HttpFixture[] = [];
async function fixture(...args: Parameters<typeof startHttpFixture>): Promise<HttpFixture> {
  const f = await startHttpFixture(...args);
  fixtures.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.close()));
});

describe('streamable HTTP', () => {
  test.each([
    ['auto', '2026-07-28'],
    ['legacy', '2025-11-25'],
    ['2026-07-28', '2026-07-28'],
  ] as const)('protocol %s negotiates %s and lists the tools', async (protocol, version) => {
    const f = await fixture('streamable');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings({ protocol }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transportUsed).toBe('http');
    expect(r.advertised.protocolVersion).toBe(version);
    expect(r.advertised.serverInfo?.name).toBe('fixture-http');
    expect(r.advertised.instructions).toBe('HTTP fixture.');
    expect(r.advertised.tools.map((t) => t.name)).toEqual(['search']);
    expect(r.problems).toEqual([]);
  });

  test('sends the configured headers and passes authentication', async () => {
    const f = await fixture('auth');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: { Authorization: 'Bearer s3cret' } }, settings());
    expect(r.ok).toBe(true);
  });

  test('a 401 is a connect error that says authentication is required', async () => {
    const f = await fixture('auth');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('connect');
    expect(r.failure.message).toMatch(/requires authentication \(HTTP 401\)/);
    expect(r.failure.message).toMatch(/--bearer-env/);
  });

  test.each(['auto', 'legacy'] as const)('a 2025 SDK server (stateful, only 2025-06-18, 400 before initialize) is inspected at 2025-06-18 (protocol %s)', async (protocol) => {
    const f = await fixture('v1-stateful');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings({ protocol }));
    expect(r.ok && r.advertised.protocolVersion).toBe('2025-06-18');
    expect(r.ok && r.advertised.tools.map((t) => t.name)).toEqual(['search']);
    expect(r.ok && r.transportUsed).toBe('http');
  });
});

describe('SSE', () => {
  test('a URL that refuses streamable HTTP is inspected over SSE, and says so', async () => {
    const f = await fixture('sse-only');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transportUsed).toBe('sse');
    expect(r.advertised.tools.map((t) => t.name)).toEqual(['search']);
    expect(r.notes.join('\n')).toMatch(/refused streamable HTTP .*legacy SSE/);
  });

  test('an sse entry goes straight to SSE', async () => {
    const f = await fixture('sse-only');
    const r = await inspectTarget({ kind: 'sse', url: f.url, headers: {} }, settings());
    expect(r.ok && r.transportUsed).toBe('sse');
    expect(f.requests.some((q) => q.startsWith('POST /mcp'))).toBe(false);
  });
});

describe('hostile HTTP servers', () => {
  test('a redirect to another host is reported and not followed', async () => {
    const target = await fixture('streamable');
    const f = await fixture('redirect', { redirectTo: target.url.replace('/mcp', '/elsewhere') });
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: { Authorization: 'Bearer s3cret' } }, settings());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.message).toMatch(/redirected \(HTTP 307\) to another host, http:\/\/127\.0\.0\.1:\d+\/elsewhere; not followed/);
    expect(target.requests).toEqual([]);
  });

  test('a 50 MB response is cut off and reported as a limit', async () => {
    const f = await fixture('huge');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings({ limits: { ...DEFAULT_LIMITS, maxResponseBytes: 1024 * 1024 } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('limit');
    expect(r.failure.message).toMatch(/over the 1048576-byte limit; cut off/);
  });

  test('a server that never answers times out at the connect deadline', async () => {
    const f = await fixture('hang');
    const r = await inspectTarget({ kind: 'http', url: f.url, headers: {} }, settings({ connectTimeoutMs: 300 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('timeout');
    expect(r.failure.message).toMatch(/no MCP handshake with .* within 300ms/);
  });

  test('an unreachable URL is a connect error naming the cause', async () => {
    const f = await fixture('streamable');
    const url = f.url;
    await f.close();
    fixtures.pop();
    const r = await inspectTarget({ kind: 'http', url, headers: {} }, settings());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('connect');
    expect(r.failure.message).toMatch(/ECONNREFUSED/);
  });
});
