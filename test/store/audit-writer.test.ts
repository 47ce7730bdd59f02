import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditDb } from '../../src/store/audit-db.js';
import type { AuditRecord } from '../../src/store/audit-record.js';
import { AuditWriter } from '../../src/store/audit-writer.js';

const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function rec(over: Partial<AuditRecord> = {}): AuditRecord {
  return { time: Date.UTC(2026, 0, 1), session: 's', client: 'claude', transport: 'stdio', method: 'tools/call', requested: 'gh__issue', server: 'gh', target: 'issue', decision: 'allow', latencyMs: 1.5, ...over };
}

describe('AuditWriter', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes batches to SQLite and JSONL with secrets redacted', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
    const dbPath = join(dir, 'audit.db');
    const jsonlPath = join(dir, 'audit.jsonl');
    const w = new AuditWriter({ dbPath, jsonlPath, intervalMs: 60_000 });
    w.record(rec({ args: { q: `token ${token}`, n: 1 }, findings: [{ kind: 'dlp', id: 'github-token', where: 'arguments', count: 1, action: 'redacted' }] }));
    w.record(rec({ decision: 'deny', rule: 'rules[0]', reason: 'nope', target: 'delete', error: 'denied' }));
    w.record(rec({ quarantine: { id: 'q1', result: { content: [{ type: 'text', text: `evil ${token}` }] } } }));
    await w.dispose();

    const lines = readFileSync(jsonlPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ time: '2026-01-01T00:00:00.000Z', client: 'claude', decision: 'allow', args: { q: 'token ghp_***REDACTED***', n: 1 }, findings: [{ id: 'github-token' }] });
    expect(lines[2]).toMatchObject({ quarantineId: 'q1' });
    expect(readFileSync(jsonlPath, 'utf8')).not.toContain(token);
    expect(statSync(jsonlPath).mode & 0o777).toBe(0o600);

    const db = new AuditDb(dbPath, { readonly: true });
    try {
      expect(db.count()).toBe(3);
      expect(db.query({ decision: 'deny' })).toEqual([expect.objectContaining({ target: 'delete', rule: 'rules[0]', reason: 'nope' })]);
      expect(db.query({ server: 'gh', tool: 'issue' })).toHaveLength(2);
      expect(db.query({ since: Date.UTC(2026, 0, 2) })).toHaveLength(0);
      const q = db.quarantined('q1');
      expect(q?.content).toContain('evil ghp_***REDACTED***');
      expect(q?.content).not.toContain(token);
    } finally {
      db.close();
    }
  });

  it('flushes when the batch is full, and writes late records after close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
    const jsonlPath = join(dir, 'a.jsonl');
    const w = new AuditWriter({ jsonlPath, intervalMs: 60_000, batchSize: 2 });
    w.record(rec());
    expect(w.written).toBe(0);
    w.record(rec());
    expect(w.written).toBe(2);
    await w.close();
    w.record(rec({ decision: 'error' }));
    expect(w.written).toBe(3);
    await w.dispose();
    expect(readFileSync(jsonlPath, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('cuts oversized arguments and keeps the row valid JSON', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
    const jsonlPath = join(dir, 'a.jsonl');
    const w = new AuditWriter({ jsonlPath });
    w.record(rec({ args: { blobs: Array.from({ length: 100 }, () => 'x'.repeat(4000)) } }));
    await w.dispose();
    const line = JSON.parse(readFileSync(jsonlPath, 'utf8')) as { args: { truncated: boolean } };
    expect(line.args.truncated).toBe(true);
  });

  describe('in a worker thread', () => {
    it('writes every batch off the calling thread and has them all on disk when close() returns', async () => {
      dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
      const dbPath = join(dir, 'audit.db');
      const jsonlPath = join(dir, 'audit.jsonl');
      const errors: Error[] = [];
      const w = new AuditWriter({ dbPath, jsonlPath, thread: true, batchSize: 7, intervalMs: 60_000, onError: (e) => errors.push(e) });
      for (let i = 0; i < 100; i++) w.record(rec({ args: { i, q: `token ${token}` } }));
      await w.dispose();
      expect(errors).toEqual([]);
      expect(w.written).toBe(100);
      const lines = readFileSync(jsonlPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { args: { i: number; q: string } });
      expect(lines.map((l) => l.args.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(readFileSync(jsonlPath, 'utf8')).not.toContain(token);
      const db = new AuditDb(dbPath, { readonly: true });
      try {
        expect(db.count()).toBe(100);
      } finally {
        db.close();
      }
    });

    it('loses nothing when the worker dies: what it did not confirm is written by the calling thread', async () => {
      dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
      const jsonlPath = join(dir, 'audit.jsonl');
      const errors: Error[] = [];
      const w = new AuditWriter({ jsonlPath, thread: true, intervalMs: 60_000, onError: (e) => errors.push(e) });
      const worker = (w as unknown as { worker: import('node:worker_threads').Worker }).worker;
      const exited = new Promise((r) => worker.once('exit', r));
      await worker.terminate();
      await exited;
      for (let i = 0; i < 5; i++) w.record(rec({ args: { i } }));
      w.flush();
      await w.dispose();
      expect(errors.map((e) => e.message).join('\n')).toMatch(/audit worker exited/);
      const lines = readFileSync(jsonlPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { args: { i: number } });
      expect(lines.map((l) => l.args.i)).toEqual([0, 1, 2, 3, 4]);
    });

    it('refuses a path it cannot write at construction, naming the file', () => {
      dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
      expect(() => new AuditWriter({ dbPath: join(dir, 'no', '\0bad.db'), thread: true })).toThrow();
    });
  });
});
