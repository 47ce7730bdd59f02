/**
 * @module store/audit-db
 * The SQLite audit table (better-sqlite3): append in batches, query by server, tool, decision,
 * client and time. WAL mode: a committed batch survives the process being killed; only a power
 * loss can drop the last batches (synchronous=NORMAL keeps fsyncs off the gateway's hot path).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import type { AuditRow, SerializedRecord } from './audit-serialize.js';
import { migrate, type StoreComponent } from './migrations.js';
import { defaultStateDir, type StateEnv } from './paths.js';

/** The audit tables, versioned with the store's migration mechanism (see migrations.ts). */
export const auditComponent: StoreComponent = {
  name: 'audit',
  migrations: [
    {
      version: 1,
      description: 'audit records and quarantined results',
      up(db) {
        db.exec(`
          CREATE TABLE audit (
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
          CREATE INDEX audit_time ON audit (time);
          CREATE INDEX audit_server_target ON audit (server, target, time);
          CREATE INDEX audit_decision ON audit (decision, time);
          CREATE TABLE quarantine (
            id TEXT PRIMARY KEY,
            time INTEGER NOT NULL,
            server TEXT,
            target TEXT,
            content TEXT NOT NULL
          );
        `);
      },
    },
  ],
};

/** Default audit database: `audit.db` in the per-user state directory (next to the pin store). */
export function defaultAuditDbPath(e: StateEnv = { home: homedir(), platform: process.platform, env: process.env }): string {
  return join(defaultStateDir(e), 'audit.db');
}

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
    try {
      if (!options.readonly) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      this.db = new Database(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
      if (!options.readonly && process.platform !== 'win32') chmodSync(path, 0o600);
    } catch (err) {
      throw new WardenError(WardenErrorCode.Io, `${path}: cannot open the audit database: ${(err as Error).message}`, { hint: 'point --audit-db at a writable file' });
    }
    this.db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db, [auditComponent], path);
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
