/**
 * @module store/audit-files
 * The audit log's files: the SQLite table and the JSONL file (appended to, mode 0600). One batch
 * is serialised (secrets redacted, large values cut) and written to both. Used by the audit
 * writer's worker thread, and by the writer itself when it runs without one.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditRecord } from './audit-record.js';
import { AuditDb } from './audit-db.js';
import { serializeRecord, type SerializedRecord } from './audit-serialize.js';

export interface AuditFilesOptions {
  /** SQLite database path; omit for no database. */
  dbPath?: string;
  /** JSONL path; omit for no JSONL. */
  jsonlPath?: string;
}

export class AuditFiles {
  private readonly db: AuditDb | undefined;
  private readonly fd: number | undefined;

  /** Opens (and creates) the files; throws a WardenError naming the file when one cannot be opened. */
  constructor(options: AuditFilesOptions) {
    this.db = options.dbPath ? new AuditDb(options.dbPath) : undefined;
    if (options.jsonlPath) {
      mkdirSync(dirname(options.jsonlPath), { recursive: true });
      this.fd = openSync(options.jsonlPath, 'a', 0o600);
    }
  }

  /**
   * Writes one batch. False when nothing was written (the database refused it: keep the batch and
   * retry); true otherwise, including when the batch cannot be serialised at all (retrying would fail
   * forever) or only the JSONL write failed (the database has it; a retry would duplicate it there).
   */
  write(batch: readonly AuditRecord[], onError: (error: Error) => void): boolean {
    let serialized: SerializedRecord[];
    try {
      serialized = batch.map(serializeRecord);
    } catch (err) {
      onError(err as Error);
      return true;
    }
    try {
      this.db?.append(serialized);
    } catch (err) {
      onError(err as Error);
      return false;
    }
    if (this.fd !== undefined) {
      try {
        writeSync(this.fd, serialized.map((s) => s.line).join('\n') + '\n');
      } catch (err) {
        onError(new Error(`audit JSONL write failed (records are in the database): ${(err as Error).message}`));
      }
    }
    return true;
  }

  close(): void {
    this.db?.close();
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
