/**
 * @module store/audit-worker
 * The audit writer's worker thread: serialises, redacts and writes the batches the gateway's main
 * thread posts, so none of that runs on the call path, and confirms each batch once written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditRecord } from './audit-record.js';
import { AuditFiles, type AuditFilesOptions } from './audit-files.js';
import type { FromWorker, ToWorker } from './audit-thread.js';

const port = parentPort;
const send = (message: FromWorker) => port?.postMessage(message);
const report = (error: Error) => send({ type: 'error', message: error.message });

const files = new AuditFiles(workerData as AuditFilesOptions);
/** Records the database refused, retried with the next batch (confirmed only once written). */
let retry: AuditRecord[] = [];

port?.on('message', (message: ToWorker) => {
  if (message.type === 'batch') {
    const batch = retry.length > 0 ? retry.concat(message.records) : message.records;
    if (files.write(batch, report)) {
      retry = [];
      send({ type: 'ack', seq: message.seq, written: batch.length });
    } else {
      retry = batch;
    }
    return;
  }
  // close: what the database refused stays unconfirmed (the writer then tries it itself).
  files.close();
  send({ type: 'closed' });
  port.close();
});
