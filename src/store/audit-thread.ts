/**
 * @module store/audit-thread
 * The messages between the audit writer and its worker thread.
 */
import type { AuditRecord } from './audit-record.js';

/** Main thread → worker. */
export type ToWorker = { type: 'batch'; seq: number; records: AuditRecord[] } | { type: 'close' };

/** Worker → main thread: a batch written (batches are written in order), a write error, or the files closed. */
export type FromWorker = { type: 'ack'; seq: number; written: number } | { type: 'error'; message: string } | { type: 'closed' };
