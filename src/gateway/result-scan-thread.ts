/**
 * @module gateway/result-scan-thread
 * The messages between the shared result scanner and its helper thread.
 */
import type { ResultScanHit } from './middleware/output-scan/index.js';
import type { ResultPart } from './result-scanner.js';

/** Main thread → helper: judge these parts of a result. */
export type ToHelper = { type: 'scan'; id: number; parts: ResultPart[]; where: { server: string; target: string } };

/** Helper → main thread: ready for work (its tables built), a verdict, a job it could not finish, or a log line. */
export type FromHelper =
  | { type: 'ready' }
  | { type: 'verdict'; id: number; hits: ResultScanHit[] }
  | { type: 'failed'; id: number; message: string }
  | { type: 'log'; message: string };
