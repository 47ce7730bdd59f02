/**
 * @module store/audit-db
 * The SQLite audit table (better-sqlite3): append in batches, query by server, tool, decision,
 * client and time. WAL mode: a committed batch survives the process being killed; only a power
 * loss can drop the last batches (synchronous=NORMAL keeps fsyncs off the gateway's hot path).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditRow, SerializedRecord } from './audit-serialize.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER NOT NULL,
  session TEXT NOT NULL,
  client TEXT NOT NULL,
  client_version TEXT,
  principal TEXT,
  transport TEXT NOT NULL,
  address TEXT,
  method TEXT NOT NULL,
  requested TEXT NOT NULL,
  server TEXT,
  target TEXT,
  decision TEXT NOT NULL,
  rule TEXT,
  reason TEXT,
  approver TEXT,
  args TEXT,
  latency_ms REAL NOT NULL,
  upstream_ms REAL,
  result_size INTEGER,
  error TEXT,
  error_code INTEGER,
  findings TEXT,
  quarantine_id TEXT
);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
CREATE INDEX IF NOT EXISTS audit_server_target ON audit (server, target, time);
CREATE INDEX IF NOT EXISTS audit_decision ON audit (decision, time);
CREATE TABLE IF NOT EXISTS quarantine (
  id TEXT PRIMARY KEY,
  time INTEGER NOT NULL,
  server TEXT,
  target TEXT,
  content TEXT NOT NULL
);
`;

const COLUMNS = [
  'time', 'session', 'client', 'client_version', 'principal', 'transport', 'address', 'method', 'requested', 'server', 'target',
  'decision', 'rule', 'reason', 'approver', 'args', 'latency_ms', 'upstream_ms', 'result_size', 'error', 'error_code', 'findings', 'quarantine_id',
] as const;

export interface AuditQuery {
  server?: string;
  /** Upstream tool, prompt or resource (matches `target`). */
  tool?: string;
  decision?: string;
  client?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Newest first; default 100. */
  limit?: number;
}

export interface StoredAuditRow extends AuditRow {
  id: number;
}

export class AuditDb {
  private readonly db: Database.Database;
  private readonly insertRow: Database.Statement;
  private readonly insertQuarantine: Database.Statement;
  private readonly insertBatch: (batch: readonly SerializedRecord[]) => void;

  constructor(readonly path: string, options: { readonly?: boolean } = {}) {
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    }
    this.insertRow = this.db.prepare(`INSERT INTO audit (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    this.insertQuarantine = this.db.prepare('INSERT OR REPLACE INTO quarantine (id, time, server, target, content) VALUES (?, ?, ?, ?, ?)');
    this.insertBatch = this.db.transaction((batch: readonly SerializedRecord[]) => {
      for (const rec of batch) {
        this.insertRow.run(rec.row);
        if (rec.quarantine) this.insertQuarantine.run(rec.quarantine.id, rec.row.time, rec.row.server, rec.row.target, rec.quarantine.content);
      }
    });
  }

  /** Appends records in one transaction. */
  append(batch: readonly SerializedRecord[]): void {
    if (batch.length > 0) this.insertBatch(batch);
  }

  query(q: AuditQuery = {}): StoredAuditRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.server !== undefined) {
      where.push('server = @server');
      params['server'] = q.server;
    }
    if (q.tool !== undefined) {
      where.push('target = @tool');
      params['tool'] = q.tool;
    }
    if (q.decision !== undefined) {
      where.push('decision = @decision');
      params['decision'] = q.decision;
    }
    if (q.client !== undefined) {
      where.push('(client = @client OR principal = @client)');
      params['client'] = q.client;
    }
    if (q.since !== undefined) {
      where.push('time >= @since');
      params['since'] = q.since;
    }
    if (q.until !== undefined) {
      where.push('time < @until');
      params['until'] = q.until;
    }
    params['limit'] = q.limit ?? 100;
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    return this.db.prepare(sql).all(params) as StoredAuditRow[];
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  }

  quarantined(id: string): { id: string; time: number; server: string | null; target: string | null; content: string } | undefined {
    return this.db.prepare('SELECT * FROM quarantine WHERE id = ?').get(id) as { id: string; time: number; server: string | null; target: string | null; content: string } | undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
