// Hostile local servers: every case ends with a clear error (or a bounded, complete result), no
// hang and no orphan process. Tiny timeouts only where the point is the timeout.
import { describe, expect, test, vi } from 'vitest';
import type { StdioTarget } from '../../src/mcp/connect.js';
import { inspectTarget, type InspectSettings } from '../../src/mcp/inspect-target.js';
import { wardenIdentity } from '../../src/mcp/identities.js';
import { DEFAULT_LIMITS } from '../../src/mcp/limits.js';
import { ProcessTransport } from '../../src/mcp/process-transport.js';
import { RAW_SERVER } from '../helpers/fixtures.js';
import { marker, processesWith } from '../helpers/processes.js';

const settings = (over: Partial<InspectSettings> = {}): InspectSettings => ({
  identity: wardenIdentity(),
  connectTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  limits: DEFAULT_LIMITS,
  protocol: 'auto',
  ...over,
});

function raw(mode: string, env: Record<string, string> = {}): StdioTarget {
  return { kind: 'stdio', label: 'node', command: process.execPath, args: [RAW_SERVER, mode], env: { PATH: process.env['PATH'] ?? '', ...env } };
}

async function failure(mode: string, over: Partial<InspectSettings> = {}) {
  const r = await inspectTarget(raw(mode), settings(over));
  if (r.ok) throw new Error(`expected ${mode} to fail, it listed ${r.advertised.tools.length} tools`);
  return r;
}

async function problems(mode: string, over: Partial<InspectSettings> = {}) {
  const r = await inspectTarget(raw(mode), settings(over));
  if (!r.ok) throw new Error(`expected ${mode} to connect, got ${r.failure.message}`);
  return r;
}

describe('hostile stdio servers', () => {
  test('hangs before initialize: timeout at the connect deadline', async () => {
    const r = await failure('hang-before-init', { connectTimeoutMs: 500 });
    expect(r.failure.kind).toBe('timeout');
    expect(r.failure.message).toBe('no MCP handshake within 500ms (connect timeout)');
  });

  test('a launcher that installs first (npx, uvx, ...) that times out: the error suggests a longer connect timeout', async () => {
    const r = await inspectTarget({ ...raw('hang-before-init'), label: '/usr/bin/npx' }, settings({ connectTimeoutMs: 500 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.message).toBe('no MCP handshake within 500ms (connect timeout); npx may still have been installing the package (a first run can take a minute or more): raise --connect-timeout');
  });

  test('hangs after initialize: tools/list times out, the connection is closed', async () => {
    const r = await problems('hang-after-init', { requestTimeoutMs: 300 });
    expect(r.problems.map((p) => [p.kind, p.message])).toEqual([['timeout', 'tools/list did not answer within 300ms (request timeout)']]);
  });

  test('crashes mid-handshake: exit code, partial output and last stderr line are reported', async () => {
    const r = await failure('crash-mid-handshake');
    expect(r.failure.kind).toBe('connect');
    expect(r.failure.message).toMatch(/^exited with code 1 before completing the MCP handshake/);
    expect(r.failure.message).toMatch(/last stderr line: "fatal: simulated crash during the handshake"/);
    expect(r.stderr).toMatch(/simulated crash/);
  });

  test('garbage on stdout: the timeout error shows what it printed', async () => {
    const r = await failure('garbage', { connectTimeoutMs: 800 });
    expect(r.failure.kind).toBe('timeout');
    expect(r.failure.message).toMatch(/non-MCP output on stdout \("Welcome to my server v1\.0! Listening on stdio/);
  });

  test('invalid schemas: broken definitions are left out or flagged, the rest is kept', async () => {
    const r = await problems('invalid-schemas');
    expect(r.advertised.tools.map((t) => t.name)).toEqual(['fine', 'schema_is_string', 'schema_wrong_type']);
    expect(r.problems.map((p) => p.kind)).toEqual(['protocol', 'protocol', 'protocol', 'protocol']);
    const text = r.problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/tool #2 is not a valid definition \(name: .*\); left out/);
    expect(text).toMatch(/tool #5 is not a valid definition/);
    expect(text).toMatch(/tool "schema_is_string" has an invalid inputSchema \(a string;/);
    expect(text).toMatch(/tool "schema_wrong_type" has an invalid inputSchema \(type "array";/);
  });

  test('paginates forever: cut off at the page limit', async () => {
    const r = await problems('paginate-forever', { limits: { ...DEFAULT_LIMITS, maxPages: 5 } });
    expect(r.advertised.tools).toHaveLength(5);
    expect(r.problems.map((p) => [p.kind, p.message])).toEqual([['limit', 'tools/list: still paginating after 5 pages; cut off (5 tools kept)']]);
  });

  test('repeats its cursor: pagination loop detected', async () => {
    const r = await problems('repeat-cursor');
    expect(r.problems.map((p) => p.kind)).toEqual(['limit']);
    expect(r.problems[0]?.message).toMatch(/same cursor twice/);
  });

  test('returns 50 MB: cut off at the response limit', async () => {
    const r = await problems('huge-response', { limits: { ...DEFAULT_LIMITS, maxResponseBytes: 1024 * 1024 } });
    expect(r.advertised.tools).toEqual([]);
    expect(r.problems.map((p) => [p.kind, p.message])).toEqual([['limit', 'tools/list: a response over the 1048576-byte limit; cut off']]);
  });

  test('returns 5000 tools: cut off at the item limit', async () => {
    const r = await problems('many-tools', { limits: { ...DEFAULT_LIMITS, maxItems: 1000 } });
    expect(r.advertised.tools).toHaveLength(1000);
    expect(r.problems.map((p) => [p.kind, p.message])).toEqual([['limit', 'tools/list: more than 1000 tools; cut off']]);
  });

  test('floods stderr: still inspected, the stderr log stays bounded', async () => {
    const r = await problems('stderr-flood', { limits: { ...DEFAULT_LIMITS, maxStderrBytes: 4096 } });
    expect(r.advertised.tools.map((t) => t.name)).toEqual(['alpha', 'beta']);
    expect(r.problems).toEqual([]);
    expect(r.stderr?.length).toBeLessThan(4096 + 100);
    expect(r.stderr).toMatch(/^\[… \d+ earlier bytes dropped\]/);
  });
});

describe('no orphans', () => {
  test('close() kills the whole process group, grandchildren included', async () => {
    const token = marker();
    const t = new ProcessTransport({ command: process.execPath, args: [RAW_SERVER, 'orphan'], env: { PATH: process.env['PATH'] ?? '', FIXTURE_MARKER: token }, maxMessageBytes: 1 << 20, maxStderrBytes: 1 << 16, killGraceMs: 2000 });
    const spawned = new Promise<void>((resolve) => t.stderr?.on('data', (d: Buffer) => d.toString().includes('spawned grandchild') && resolve()));
    await t.start();
    await spawned;
    expect(processesWith(token)).toHaveLength(1);
    await t.close();
    await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  test('a server that exits on its own takes its process group with it', async () => {
    const token = marker();
    const r = await inspectTarget(raw('orphan-crash', { FIXTURE_MARKER: token }), settings());
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/spawned grandchild/);
    await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  test('a request timeout ends with the grandchildren killed too', async () => {
    const token = marker();
    // The fixture spawns its grandchild before it answers initialize, then never answers tools/list.
    const r = await inspectTarget(raw('orphan', { FIXTURE_MARKER: token }), settings({ requestTimeoutMs: 300 }));
    expect(r.ok && r.problems.map((p) => p.kind)).toEqual(['timeout']);
    expect(r.stderr).toMatch(/spawned grandchild/);
    await vi.waitFor(() => expect(processesWith(token)).toEqual([]), { timeout: 10_000, interval: 50 });
  });
});
