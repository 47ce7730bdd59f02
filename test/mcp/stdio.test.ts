// stdio transport against real server processes built on the official SDK (and one hand-rolled
// 2025-06-18 server): protocol revisions, pagination, the child's environment.
import { describe, expect, test } from 'vitest';
import type { StdioTarget } from '../../src/mcp/connect.js';
import { inspectTarget, type InspectSettings } from '../../src/mcp/inspect-target.js';
import { resolveIdentities, wardenIdentity } from '../../src/mcp/identities.js';
import { childEnvironment } from '../../src/mcp/launch.js';
import { DEFAULT_LIMITS } from '../../src/mcp/limits.js';
import { GOOD_SERVER, RAW_SERVER } from '../helpers/fixtures.js';

const settings = (over: Partial<InspectSettings> = {}): InspectSettings => ({
  identity: wardenIdentity(),
  connectTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  limits: DEFAULT_LIMITS,
  protocol: 'auto',
  ...over,
});

function node(script: string, args: string[] = [], env: Record<string, string> = {}): StdioTarget {
  return { kind: 'stdio', label: 'node', command: process.execPath, args: [script, ...args], env: { PATH: process.env['PATH'] ?? '', ...env } };
}

describe('protocol revisions', () => {
  test.each([
    ['auto', '0', '2026-07-28'],
    ['legacy', '0', '2025-11-25'],
    ['2026-07-28', '0', '2026-07-28'],
    ['auto', '1', '2026-07-28'],
  ] as const)('protocol %s against a server (modern only: %s) speaks %s', async (protocol, modernOnly, version) => {
    const r = await inspectTarget(node(GOOD_SERVER, [], { FIXTURE_MODERN_ONLY: modernOnly }), settings({ protocol }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.advertised.protocolVersion).toBe(version);
    expect(r.transportUsed).toBe('stdio');
  });

  test('a server that only speaks 2025-06-18 is inspected at 2025-06-18', async () => {
    const r = await inspectTarget(node(RAW_SERVER, ['v20250618']), settings());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.advertised.protocolVersion).toBe('2025-06-18');
    expect(r.advertised.tools.map((t) => t.name)).toEqual(['alpha', 'beta']);
  });

  test('a server that exits on the 2026-07-28 probe is started again with the 2025 handshake', async () => {
    const r = await inspectTarget(node(RAW_SERVER, ['exit-on-probe']), settings());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.advertised.protocolVersion).toBe('2025-06-18');
    expect(r.notes.join()).toMatch(/exited on the 2026-07-28 discovery probe/);
  });

  test('a modern-only server refuses the 2025 handshake, and the error says so', async () => {
    const r = await inspectTarget(node(GOOD_SERVER, [], { FIXTURE_MODERN_ONLY: '1' }), settings({ protocol: 'legacy' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('protocol');
    expect(r.failure.message).toMatch(/Unsupported protocol version/);
  });
});

describe('what is collected', () => {
  test('serverInfo, capabilities, instructions, every page of tools, prompts, resources and templates', async () => {
    const r = await inspectTarget(node(GOOD_SERVER, [], { FIXTURE_PAGE_SIZE: '1' }), settings());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.advertised;
    expect(a.serverInfo).toMatchObject({ name: 'fixture-good', version: '1.2.3' });
    expect(Object.keys(a.capabilities ?? {})).toEqual(expect.arrayContaining(['tools', 'prompts', 'resources']));
    expect(a.instructions).toBe('Use the fixture tools for testing only.');
    expect(a.tools.map((t) => t.name)).toEqual(['read_file', 'list_dir', 'echo']);
    expect(a.tools[2]?.annotations).toEqual({ readOnlyHint: true });
    expect(a.prompts.map((p) => p.name)).toEqual(['review']);
    expect(a.resources.map((x) => x.uri)).toEqual(['file:///README.md']);
    expect(a.resourceTemplates.map((x) => x.uriTemplate)).toEqual(['file:///{path}']);
    expect(r.problems).toEqual([]);
  });

  test('the child gets the safe default environment plus its declared variables, nothing else', async () => {
    const host = { PATH: process.env['PATH'] ?? '', HOME: '/home/someone', AWS_SECRET_ACCESS_KEY: 'leak-me', GITHUB_TOKEN: 'leak-me-too' };
    const env = childEnvironment({ FIXTURE_REPORT_ENV: '1', DECLARED: 'yes' }, host);
    const r = await inspectTarget({ kind: 'stdio', label: 'node', command: process.execPath, args: [GOOD_SERVER], env }, settings());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = r.advertised.tools.find((t) => t.name === 'env_report')?.description ?? '';
    expect(report).toMatch(/\bDECLARED\b/);
    expect(report).toMatch(/\bPATH\b/);
    expect(report).toMatch(/\bHOME\b/);
    expect(report).not.toMatch(/AWS_SECRET_ACCESS_KEY|GITHUB_TOKEN/);
  });

  test('the identity sent is the one asked for (the bait tool appears only for it)', async () => {
    const [cursor] = resolveIdentities(['cursor']);
    const asCursor = await inspectTarget(node(GOOD_SERVER, [], { FIXTURE_BAIT: 'cursor-vscode' }), settings({ identity: cursor ?? wardenIdentity() }));
    const asUs = await inspectTarget(node(GOOD_SERVER, [], { FIXTURE_BAIT: 'cursor-vscode' }), settings());
    expect(asCursor.ok && asCursor.advertised.tools.map((t) => t.name)).toContain('sync_notes');
    expect(asUs.ok && asUs.advertised.tools.map((t) => t.name)).not.toContain('sync_notes');
  });

  test('a command that does not exist is a connect error naming it', async () => {
    const r = await inspectTarget({ kind: 'stdio', label: 'no-such-mcp-server-binary', command: 'no-such-mcp-server-binary', args: [], env: { PATH: process.env['PATH'] ?? '' } }, settings());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe('connect');
    expect(r.failure.message).toBe('command not found: no-such-mcp-server-binary');
  });
});
