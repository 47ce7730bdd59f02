/**
 * @module gateway/shared-result-scanner
 * Result scanning on two cores. Judging a long result is most of what the gateway adds to a call
 * that returns one (about 1.5 ms per 100 KB of report JSON, 8–12 ms of source code or Markdown on
 * the benchmark machine), and while the gateway judges it, the client and the server wait. A long
 * result is judged in segments that the rules read one at a time, so its later segments can go to
 * a helper thread while this thread judges the earlier ones; the two verdicts merge into the one a
 * single scan gives (gateway/result-scanner.ts: mergeHits).
 *
 * The helper starts with the first long result (a process that never sees one never pays its
 * memory, about 30 MB of analysis tables) and takes work once its tables are built; until then,
 * while it is busy with another result, on a machine with one CPU, and after it failed, results are
 * judged here, whole. A share the helper cannot finish (it threw, died or was stopped) is judged
 * here: a verdict is never lost and a result is never passed as clean unread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { warmUpAnalysis } from '../analysis/warm-up.js';
import { startModuleWorker } from '../worker-thread.js';
import type { ResultScanHit, ResultScanner } from './middleware/output-scan/index.js';
import type { FromHelper, ToHelper } from './result-scan-thread.js';
import { mergeHits, resultParts, scanParts, type ResultPart } from './result-scanner.js';

/** Shortest result (characters, all its texts together) worth sharing: below it, handing half over costs about what it saves. */
export const SHARE_MIN_CHARS = 32 * 1024;

export interface SharedScannerOptions {
  /** Shortest result worth sharing (default SHARE_MIN_CHARS). */
  minChars?: number;
  /** Whether a helper thread may be used (default: when the machine has more than one CPU). */
  helper?: boolean;
}

interface Share {
  parts: ResultPart[];
  where: { server: string; target: string };
  resolve: (hits: ResultScanHit[]) => void;
}

type HelperState = 'none' | 'starting' | 'ready' | 'busy' | 'gone';

export class SharedResultScanner implements ResultScanner {
  /** Results judged partly by the helper (for tests and the benchmark's notes). */
  shared = 0;
  private state: HelperState;
  private worker: Worker | undefined;
  private share: (Share & { id: number }) | undefined;
  private nextId = 0;
  private readonly minChars: number;

  constructor(
    private readonly log: (message: string) => void,
    options: SharedScannerOptions = {},
  ) {
    this.minChars = options.minChars ?? SHARE_MIN_CHARS;
    this.state = (options.helper ?? availableParallelism() > 1) ? 'none' : 'gone';
  }

  /** The helper: not started, starting (building its tables), ready, busy with a share, or gone (never started, failed or stopped). */
  get helperState(): HelperState {
    return this.state;
  }

  warmUp(): void {
    warmUpAnalysis();
  }

  scan(texts: readonly string[], where: { server: string; target: string }): ResultScanHit[] {
    return scanParts(resultParts(texts), where, this.log);
  }

  scanResult(texts: readonly string[], where: { server: string; target: string }): ResultScanHit[] | Promise<ResultScanHit[]> {
    const parts = resultParts(texts);
    let total = 0;
    for (const p of parts) total += p.text.length;
    if (parts.length < 2 || total < this.minChars) return scanParts(parts, where, this.log);
    if (this.state === 'none') this.start();
    if (this.state !== 'ready') return scanParts(parts, where, this.log);
    // The helper takes the later parts, about half of the characters.
    let split = parts.length - 1;
    for (let at = 0, k = 0; k < parts.length - 1; k++) {
      at += (parts[k] as ResultPart).text.length;
      if (at * 2 >= total) {
        split = k + 1;
        break;
      }
    }
    const theirs = this.hand(parts.slice(split), where);
    if (theirs === undefined) return scanParts(parts, where, this.log);
    const mine = scanParts(parts.slice(0, split), where, this.log);
    this.shared++;
    return theirs.then((hits) => mergeHits([mine, hits]));
  }

  /** Stops the helper; a share it had not finished is judged here. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.lose(undefined);
    if (worker !== undefined) await worker.terminate();
  }

  private start(): void {
    this.state = 'starting';
    let worker: Worker;
    try {
      worker = startModuleWorker(import.meta.url, 'result-scan-worker');
    } catch (err) {
      this.lose(`result scanning: the helper thread did not start (${(err as Error).message}); results are judged in one thread`);
      return;
    }
    this.worker = worker;
    worker.on('message', (m: FromHelper) => this.fromHelper(m));
    worker.on('error', (err) => this.lose(`result scanning: the helper thread failed (${err.message}); results are judged in one thread`));
    worker.on('exit', (code) => this.lose(code === 0 ? undefined : `result scanning: the helper thread exited (code ${code}); results are judged in one thread`));
    // An idle helper does not keep the process alive; one with a share does (its verdict is awaited).
    worker.unref();
  }

  /** Posts a share to the helper; undefined when it cannot take it. */
  private hand(parts: ResultPart[], where: { server: string; target: string }): Promise<ResultScanHit[]> | undefined {
    const worker = this.worker;
    if (worker === undefined) return undefined;
    const id = ++this.nextId;
    try {
      worker.postMessage({ type: 'scan', id, parts, where } satisfies ToHelper);
    } catch (err) {
      this.lose(`result scanning: could not hand work to the helper thread (${(err as Error).message}); results are judged in one thread`);
      return undefined;
    }
    this.state = 'busy';
    worker.ref();
    return new Promise((resolve) => (this.share = { id, parts, where, resolve }));
  }

  private fromHelper(m: FromHelper): void {
    if (m.type === 'log') this.log(m.message);
    else if (m.type === 'ready') {
      if (this.state === 'starting') this.state = 'ready';
    } else {
      const share = this.share;
      if (share === undefined || share.id !== m.id) return;
      this.share = undefined;
      this.worker?.unref();
      if (this.state === 'busy') this.state = 'ready';
      if (m.type === 'verdict') share.resolve(m.hits);
      else {
        this.log(`result scanning: the helper thread could not judge part of a result of ${share.where.server}/${share.where.target} (${m.message}); judged here`);
        share.resolve(scanParts(share.parts, share.where, this.log));
      }
    }
  }

  /** The helper is gone for good (failed, exited or stopped): its unfinished share is judged here. */
  private lose(why: string | undefined): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    this.worker = undefined;
    if (why !== undefined) this.log(why);
    const share = this.share;
    this.share = undefined;
    if (share !== undefined) share.resolve(scanParts(share.parts, share.where, this.log));
  }
}

export function sharedResultScanner(log: (message: string) => void, options?: SharedScannerOptions): SharedResultScanner {
  return new SharedResultScanner(log, options);
}
