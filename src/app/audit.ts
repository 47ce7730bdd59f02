/**
 * @module app/audit
 * `mcp-warden audit`: queries the audit database by server, tool, decision, client and time, and
 * reads quarantined originals back.
 */
import { existsSync } from 'node:fs';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { AuditDb, type AuditQuery, type StoredAuditRow } from '../store/audit-db.js';
import { parseDuration } from '../policy/units.js';

/** Parses `--since`/`--until`: an ISO date-time, or a duration meaning "that long ago" (`15m`, `24h`). */
export function parseTimeBound(value: string, now = Date.now()): number {
  const ago = parseDuration(value);
  if (ago !== undefined) return now - ago;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new WardenError(WardenErrorCode.Usage, `invalid time "${value}"`, { hint: 'use an ISO date (2026-01-31T12:00:00Z) or a duration ago (15m, 24h, 7d is 168h)' });
  return t;
}

function open(dbPath: string): AuditDb {
  if (!existsSync(dbPath)) throw new WardenError(WardenErrorCode.Io, `${dbPath}: no audit database`, { hint: 'run the gateway first, or pass --db' });
  return new AuditDb(dbPath, { readonly: true });
}

export function queryAudit(dbPath: string, q: AuditQuery): StoredAuditRow[] {
  const db = open(dbPath);
  try {
    return db.query(q);
  } finally {
    db.close();
  }
}

export function readQuarantine(dbPath: string, id: string): { id: string; time: number; server: string | null; target: string | null; content: string } {
  const db = open(dbPath);
  try {
    const q = db.quarantined(id);
    if (!q) throw new WardenError(WardenErrorCode.InvalidInput, `no quarantined result with id ${id} in ${dbPath}`);
    return q;
  } finally {
    db.close();
  }
}
