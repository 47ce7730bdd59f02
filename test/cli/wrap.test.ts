import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ProtocolError } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AuditDb } from '../../src/store/audit-db.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'gateway', 'upstream.mjs');

describe('mcp-warden wrap (built CLI, real stdio client)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a drop-in stdio server: tools keep their names, secrets are redacted, calls are audited, and SIGTERM loses no record', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-wrap-'));
    const db = join(dir, 'audit.db');
    const jsonl = join(dir, 'audit.jsonl');
    const policy = join(dir, 'policy.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(policy, 'version: 1\nrules:\n  - { tool: write_file, action: deny, reason: read-only session }\n');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'wrap', '--name', 'fx', '--no-sandbox', '--policy', policy, '--audit-db', db, '--audit-jsonl', jsonl, '--', process.execPath, FIXTURE],
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 'claude-code', version: '2.0.0' });
    await client.connect(transport);
    const exited = new Promise<void>((resolve) => (client.onclose = () => resolve()));

    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('echo');
    expect(names).not.toContain('fx__echo');
    const secret = await client.callTool({ name: 'secret', arguments: {} });
    expect((secret.content as Array<{ text: string }>)[0]?.text).toBe('here is the key: ghp_***REDACTED***');
    const denied = await client.callTool({ name: 'write_file', arguments: { path: '/x', content: 'y' } }).catch((e: unknown) => e);
    expect((denied as ProtocolError).message).toMatch(/read-only session/);
    for (let i = 0; i < 20; i++) await client.callTool({ name: 'echo', arguments: { text: `n${i}` } });
    const hanging = client.callTool({ name: 'hang', arguments: {} }).catch((e: unknown) => e);
    await client.callTool({ name: 'echo', arguments: { text: 'after hang' } });

    process.kill(transport.pid as number, 'SIGTERM');
    await exited;
    await hanging;

    const lines = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const store = new AuditDb(db, { readonly: true });
    try {
      const rows = store.query({ limit: 1000 });
      // secret + write_file + 20 echo + hang + echo after hang
      expect(rows).toHaveLength(24);
      expect(lines).toHaveLength(24);
      expect(rows.filter((r) => r.decision === 'deny')).toEqual([expect.objectContaining({ target: 'write_file', client: 'claude-code' })]);
      const hang = rows.find((r) => r.target === 'hang');
      expect(hang?.error).toMatch(/shutting down|abort/i);
      expect(readFileSync(jsonl, 'utf8')).not.toContain('ghp_abcdefghijklmnop');
    } finally {
      store.close();
    }
    expect(stderr).toMatch(/stopping \(SIGTERM\)/);
  });

  it('exits 2 with a clear message on a bad policy', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-wrap-'));
    const { writeFileSync } = await import('node:fs');
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'version: 1\nrules:\n  - tool: x\n    action: perhaps\n');
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [CLI, 'wrap', '--no-audit', '--policy', policy, '--', process.execPath, FIXTURE], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/policy\.yaml:4: rules\.0\.action/);
  });
});
