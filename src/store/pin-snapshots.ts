/**
 * @module store/pin-snapshots
 * Trust-on-first-use memory for scans without a lockfile: per server (name + where it was declared),
 * the last approved pinned form, the latest different form seen, and a log of approvals.
 * Bodies are the lockfile's per-server JSON (model PinnedServer), so the same drift engine applies.
 */
import type Database from 'better-sqlite3';
import { PinnedServerSchema, WardenError, WardenErrorCode, type PinHash, type PinnedServer } from '../model/index.js';
import type { StoreComponent } from './migrations.js';

export const pinSnapshotsComponent: StoreComponent = {
  name: 'pin-snapshots',
  migrations: [
    {
      version: 1,
      description: 'approved and pending server snapshots, approval log',
      up(db) {
        db.exec(`
          CREATE TABLE pin_snapshots (
            name TEXT NOT NULL,
            origin TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('approved', 'pending')),
            launch_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            body TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            approved_by TEXT,
            approved_at TEXT,
            PRIMARY KEY (name, origin, state)
          );
          CREATE TABLE pin_approvals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            origin TEXT NOT NULL,
            target TEXT NOT NULL,
            change TEXT,
            old_hash TEXT,
            new_hash TEXT,
            approved_by TEXT NOT NULL,
            approved_at TEXT NOT NULL
          );
        `);
      },
    },
  ],
};

export interface SnapshotRow {
  name: string;
  /** Where the server was declared: `<client>:<config file>` for live scans, `inventory` for inventory files. */
  origin: string;
  state: 'approved' | 'pending';
  server: PinnedServer;
  firstSeen: string;
  lastSeen: string;
  approvedBy?: string;
  approvedAt?: string;
}

export interface ApprovalRecord {
  name: string;
  origin: string;
  target: string;
  change?: string;
  old: PinHash | null;
  new: PinHash | null;
  by: string;
  at: string;
}

interface RawRow {
  name: string;
  origin: string;
  state: 'approved' | 'pending';
  body: string;
  first_seen: string;
  last_seen: string;
  approved_by: string | null;
  approved_at: string | null;
}

/** Typed access to the TOFU tables; every write is one statement or one transaction. */
export class PinSnapshotStore {
  private readonly db: Database.Database;
  private readonly file: string;

  constructor(db: Database.Database, file: string) {
    this.db = db;
    this.file = file;
  }

  private toRow(r: RawRow): SnapshotRow {
    let server: PinnedServer;
    try {
      server = PinnedServerSchema.parse(JSON.parse(r.body));
    } catch (err) {
      throw new WardenError(WardenErrorCode.InvalidInput, `${this.file}: stored snapshot of server "${r.name}" (${r.origin}) is corrupted: ${(err as Error).message.split('\n')[0]}`, {
        hint: 'delete the state database to start trusting from scratch, or point --state-dir elsewhere',
      });
    }
    return {
      name: r.name,
      origin: r.origin,
      state: r.state,
      server,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      ...(r.approved_by !== null ? { approvedBy: r.approved_by } : {}),
      ...(r.approved_at !== null ? { approvedAt: r.approved_at } : {}),
    };
  }

  get(name: string, origin: string, state: 'approved' | 'pending'): SnapshotRow | undefined {
    const r = this.db.prepare<[string, string, string], RawRow>('SELECT * FROM pin_snapshots WHERE name = ? AND origin = ? AND state = ?').get(name, origin, state);
    return r === undefined ? undefined : this.toRow(r);
  }

  /** Every row in a state, optionally for one server name, ordered by name then origin. */
  list(state: 'approved' | 'pending', name?: string): SnapshotRow[] {
    const rows =
      name === undefined
        ? this.db.prepare<[string], RawRow>('SELECT * FROM pin_snapshots WHERE state = ? ORDER BY name, origin').all(state)
        : this.db.prepare<[string, string], RawRow>('SELECT * FROM pin_snapshots WHERE state = ? AND name = ? ORDER BY name, origin').all(state, name);
    return rows.map((r) => this.toRow(r));
  }

  /** Stores `server` in `state` for (name, origin), replacing what was there; keeps first_seen. */
  put(origin: string, state: 'approved' | 'pending', server: PinnedServer, at: string, approvedBy?: string): void {
    this.db
      .prepare(
        `INSERT INTO pin_snapshots (name, origin, state, launch_hash, hash, body, first_seen, last_seen, approved_by, approved_at)
         VALUES (@name, @origin, @state, @launch, @hash, @body, @at, @at, @by, @approvedAt)
         ON CONFLICT (name, origin, state) DO UPDATE SET
           launch_hash = excluded.launch_hash, hash = excluded.hash, body = excluded.body, last_seen = excluded.last_seen,
           approved_by = excluded.approved_by, approved_at = excluded.approved_at,
           first_seen = CASE WHEN pin_snapshots.hash = excluded.hash THEN pin_snapshots.first_seen ELSE excluded.first_seen END`,
      )
      .run({
        name: server.name,
        origin,
        state,
        launch: server.launch.hash,
        hash: server.hash,
        body: JSON.stringify(server),
        at,
        by: approvedBy ?? null,
        approvedAt: approvedBy !== undefined ? at : null,
      });
  }

  /** Marks an approved snapshot as seen again (no drift). */
  touch(name: string, origin: string, at: string): void {
    this.db.prepare("UPDATE pin_snapshots SET last_seen = ? WHERE name = ? AND origin = ? AND state = 'approved'").run(at, name, origin);
  }

  remove(name: string, origin: string, state: 'approved' | 'pending'): void {
    this.db.prepare('DELETE FROM pin_snapshots WHERE name = ? AND origin = ? AND state = ?').run(name, origin, state);
  }

  recordApprovals(records: readonly ApprovalRecord[]): void {
    const insert = this.db.prepare(
      'INSERT INTO pin_approvals (name, origin, target, change, old_hash, new_hash, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of records) insert.run(r.name, r.origin, r.target, r.change ?? null, r.old, r.new, r.by, r.at);
  }

  approvals(name?: string): ApprovalRecord[] {
    const rows = (
      name === undefined
        ? this.db.prepare('SELECT * FROM pin_approvals ORDER BY id').all()
        : this.db.prepare('SELECT * FROM pin_approvals WHERE name = ? ORDER BY id').all(name)
    ) as Array<{ name: string; origin: string; target: string; change: string | null; old_hash: string | null; new_hash: string | null; approved_by: string; approved_at: string }>;
    return rows.map((r) => ({
      name: r.name,
      origin: r.origin,
      target: r.target,
      ...(r.change !== null ? { change: r.change } : {}),
      old: r.old_hash as PinHash | null,
      new: r.new_hash as PinHash | null,
      by: r.approved_by,
      at: r.approved_at,
    }));
  }

  /** Runs `fn` in one IMMEDIATE transaction (a read-compare-write that another scan cannot interleave). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
