/**
 * @module gateway/result-scan-worker
 * The shared result scanner's helper thread: builds the analysis tables once, then judges the parts
 * of long results the main thread hands it, with the same rules, while the main thread judges the
 * rest.
 */
import { parentPort } from 'node:worker_threads';
import { warmUpAnalysis } from '../analysis/warm-up.js';
import { scanParts } from './result-scanner.js';
import type { FromHelper, ToHelper } from './result-scan-thread.js';

const port = parentPort;
const send = (message: FromHelper) => port?.postMessage(message);

warmUpAnalysis();
port?.on('message', (message: ToHelper) => {
  try {
    send({ type: 'verdict', id: message.id, hits: scanParts(message.parts, message.where, (line) => send({ type: 'log', message: line })) });
  } catch (err) {
    send({ type: 'failed', id: message.id, message: (err as Error).message });
  }
});
send({ type: 'ready' });
