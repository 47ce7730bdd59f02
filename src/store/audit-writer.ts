/**
 * @module store/audit-writer
 * The gateway's audit sink: queues records (one array push per call) and writes them in batches
 * to SQLite and a JSONL file, every `intervalMs` or `batchSize` records. `close()` flushes
 * synchronously, so a SIGTERM handler that calls it loses nothing. A failing sink (disk full,
 * file removed) is reported through `onError` and the records stay queued for the next flush.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditRecord, AuditSink } from './audit-record.js';
import { AuditDb } from './audit-db.js';
import { serializeRecord, type SerializedRecord } from './audit-serialize.js';

export interface AuditWriterOptions {
  /** SQLite database path; omit for no database. */
  dbPath?: string;
  /** JSONL path (appended to, mode 0600); omit for no JSONL. */
  jsonlPath?: string;
  intervalMs?: number;
  batchSize?: number;
  /** Queue length beyond which the oldest unwritten records are dropped (and counted) to bound memory. */
  maxQueue?: number;
  onError?: (error: Error) => void;
}

export class AuditWriter implements AuditSink {
  private queue: AuditRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly db: AuditDb | undefined;
  private readonly fd: number | undefined;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxQueue: number;
  private closed = false;
  /** Records written so far, and records dropped because the queue overflowed. */
  written = 0;
  dropped = 0;

  constructor(private readonly options: AuditWriterOptions) {
    this.intervalMs = options.intervalMs ?? 100;
    this.batchSize = options.batchSize ?? 512;
    this.maxQueue = options.maxQueue ?? 100_000;
    this.db = options.dbPath ? new AuditDb(options.dbPath) : undefined;
    if (options.jsonlPath) {
      mkdirSync(dirname(options.jsonlPath), { recursive: true });
      this.fd = openSync(options.jsonlPath, 'a', 0o600);
    }
  }

  record(record: AuditRecord): void {
    if (this.closed) {
      // Late records (calls finishing during shutdown) are written straight away.
      this.write([record]);
      return;
    }
    this.queue.push(record);
    if (this.queue.length > this.maxQueue) this.dropped += this.queue.splice(0, this.queue.length - this.maxQueue).length;
    if (this.queue.length >= this.batchSize) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes everything queued, synchronously. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    if (!this.write(batch)) this.queue = batch.concat(this.queue);
  }

  private write(batch: readonly AuditRecord[]): boolean {
    let serialized: SerializedRecord[];
    try {
      serialized = batch.map(serializeRecord);
    } catch (err) {
      this.options.onError?.(err as Error);
      return true; // unserialisable records would fail forever; drop them, loudly
    }
    try {
      this.db?.append(serialized);
    } catch (err) {
      this.options.onError?.(err as Error);
      return false; // nothing was written: keep the batch for the next flush
    }
    if (this.fd !== undefined) {
      try {
        writeSync(this.fd, serialized.map((s) => s.line).join('\n') + '\n');
      } catch (err) {
        // The database already has the batch; retrying would duplicate it there.
        this.options.onError?.(new Error(`audit JSONL write failed (records are in the database): ${(err as Error).message}`));
      }
    }
    this.written += batch.length;
    return true;
  }

  /** Flushes and closes the files. Records arriving later are still written (see `record`). */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }

  /** Releases the files for good (after close, when nothing can arrive any more). */
  dispose(): void {
    this.close();
    this.db?.close();
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
