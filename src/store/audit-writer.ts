/**
 * @module store/audit-writer
 * The gateway's audit sink: queues records (one array push per call) and writes them in batches
 * to SQLite and a JSONL file, every `intervalMs` or `batchSize` records.
 *
 * With `thread: true` (what the gateway uses) a worker thread serialises, redacts and writes the
 * batches, so none of that blocks calls, and confirms each one. `close()` hands over the rest and
 * waits for the worker, so a SIGTERM handler that awaits it loses nothing; batches the worker has
 * not confirmed (it died, or did not finish in time) are written by this thread (a batch can then
 * be recorded twice, never lost). Without a thread, batches are written here, synchronously. A
 * failing sink (disk full, file removed) is reported through `onError` and the records stay
 * queued for the next flush.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-thread.js';
import type { AuditRecord, AuditSink } from './audit-record.js';
import { AuditFiles, type AuditFilesOptions } from './audit-files.js';
import type { FromWorker, ToWorker } from './audit-thread.js';

export interface AuditWriterOptions extends AuditFilesOptions {
  intervalMs?: number;
  batchSize?: number;
  /** Queue length beyond which the oldest unwritten records are dropped (and counted) to bound memory. */
  maxQueue?: number;
  /** Write in a worker thread (off the call path). */
  thread?: boolean;
  /** Longest wait for the worker at close before this thread writes what it has not confirmed. */
  closeTimeoutMs?: number;
  onError?: (error: Error) => void;
}


export class AuditWriter implements AuditSink {
  private queue: AuditRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxQueue: number;
  private readonly onError: (error: Error) => void;
  private closed = false;
  /** Files written by this thread (always without a worker; after it, for what it did not confirm). */
  private local: AuditFiles | undefined;
  private localWritten = 0;
  private worker: Worker | undefined;
  private workerWritten = 0;
  private workerClosed: (() => void) | undefined;
  private seq = 0;
  /** Batches posted to the worker and not yet confirmed, by sequence number. */
  private readonly unconfirmed = new Map<number, AuditRecord[]>();
  /** Records dropped because the queue overflowed. */
  dropped = 0;

  constructor(private readonly options: AuditWriterOptions) {
    this.intervalMs = options.intervalMs ?? 100;
    this.batchSize = options.batchSize ?? 512;
    this.maxQueue = options.maxQueue ?? 100_000;
    this.onError = options.onError ?? (() => undefined);
    // Opened here either way: a path that cannot be written is an error at start, naming the file.
    this.local = new AuditFiles(options);
    if (options.thread) {
      this.local.close();
      this.local = undefined;
      const worker = startModuleWorker(import.meta.url, 'audit-worker', { workerData: { dbPath: options.dbPath, jsonlPath: options.jsonlPath } });
      worker.on('message', (m: FromWorker) => this.fromWorker(m));
      worker.on('error', (err) => this.workerLost(`audit worker failed: ${err.message}`));
      worker.on('exit', (code) => {
        this.workerClosed?.();
        if (!this.closed || code !== 0) this.workerLost(`audit worker exited (code ${code})`);
      });
      worker.unref();
      this.worker = worker;
    }
  }

  /** Records written so far (by the worker and by this thread). */
  get written(): number {
    return this.localWritten + this.workerWritten;
  }

  record(record: AuditRecord): void {
    if (this.closed) {
      // Late records (calls finishing during shutdown) are written straight away.
      this.writeHere([record]);
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

  /** Hands everything queued to the worker, or writes it here, synchronously. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    if (this.worker) {
      const seq = ++this.seq;
      try {
        this.worker.postMessage({ type: 'batch', seq, records: batch } satisfies ToWorker);
        this.unconfirmed.set(seq, batch);
        return;
      } catch (err) {
        this.onError(new Error(`audit batch could not be handed to the worker, writing it here: ${(err as Error).message}`));
      }
    }
    if (!this.writeHere(batch)) this.queue = batch.concat(this.queue);
  }

  /** Flushes and waits for the worker to write everything and close its files. Records arriving later are still written (see `record`). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.workerClosed = resolve;
      timer = setTimeout(resolve, this.options.closeTimeoutMs ?? 10_000);
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    clearTimeout(timer);
    if (this.worker) void this.worker.terminate();
    if (this.unconfirmed.size > 0) this.workerLost('the audit worker did not confirm every batch');
    this.worker = undefined;
  }

  /** Releases the files for good (after close, when nothing can arrive any more). */
  async dispose(): Promise<void> {
    await this.close();
    this.local?.close();
    this.local = undefined;
  }

  private fromWorker(m: FromWorker): void {
    if (m.type === 'error') this.onError(new Error(m.message));
    else if (m.type === 'closed') this.workerClosed?.();
    else {
      this.workerWritten += m.written;
      for (const seq of this.unconfirmed.keys()) if (seq <= m.seq) this.unconfirmed.delete(seq);
    }
  }

  /** The worker is gone: what it did not confirm, and everything after, is written here. */
  private workerLost(reason: string): void {
    if (this.worker === undefined && this.unconfirmed.size === 0) return; // already handled
    const owed = [...this.unconfirmed.values()].flat();
    this.unconfirmed.clear();
    this.worker = undefined;
    this.onError(new Error(`${reason}; writing ${owed.length} unconfirmed record(s) in the main thread from now on`));
    if (owed.length > 0 && !this.writeHere(owed)) this.queue = owed.concat(this.queue);
  }

  private writeHere(batch: readonly AuditRecord[]): boolean {
    this.local ??= new AuditFiles(this.options);
    const ok = this.local.write(batch, this.onError);
    if (ok) this.localWritten += batch.length;
    return ok;
  }
}
