/**
 * @module gateway/approval/terminal
 * Asks on the gateway's own terminal when the client cannot elicit. It reads `/dev/tty`, never
 * stdin (which may carry the MCP protocol in `wrap` mode), so an answer can only come from a human
 * at the keyboard. Questions are asked one at a time; no answer within the timeout is a deny.
 */
import { closeSync, openSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { ReadStream, WriteStream } from 'node:tty';
import type { Readable, Writable } from 'node:stream';
import type { TerminalApprover } from '../middleware/approval/index.js';
import type { ApprovalAnswer, ApprovalPrompt } from '../types.js';

export interface TerminalIo {
  input: Readable;
  output: Writable;
  /** Releases the terminal between questions (lets the process exit). */
  release?: () => void;
}

/** Opens the controlling terminal, or undefined when there is none (service, CI, Windows). */
export function openControllingTerminal(): TerminalIo | undefined {
  if (process.platform === 'win32') return undefined;
  let rfd: number | undefined;
  let wfd: number | undefined;
  try {
    rfd = openSync('/dev/tty', 'r');
    wfd = openSync('/dev/tty', 'w');
    const input = new ReadStream(rfd);
    const output = new WriteStream(wfd);
    input.unref();
    return { input, output, release: () => input.unref() };
  } catch {
    if (rfd !== undefined) closeSync(rfd);
    if (wfd !== undefined) closeSync(wfd);
    return undefined;
  }
}

export class TerminalPrompter implements TerminalApprover {
  private io: TerminalIo | undefined | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly who: string;

  constructor(private readonly open: () => TerminalIo | undefined = openControllingTerminal) {
    let name = 'unknown';
    try {
      name = userInfo().username;
    } catch {
      // No passwd entry (containers): the approver is still "the terminal".
    }
    this.who = `terminal:${name}`;
  }

  get available(): boolean {
    if (this.io === null) this.io = this.open();
    return this.io !== undefined;
  }

  ask(prompt: ApprovalPrompt, signal: AbortSignal): Promise<ApprovalAnswer> {
    const run = this.queue.then(() => this.askNow(prompt, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private askNow(prompt: ApprovalPrompt, signal: AbortSignal): Promise<ApprovalAnswer> {
    const io = this.available ? this.io : undefined;
    if (!io) return Promise.resolve({ outcome: 'timeout' });
    if (signal.aborted) return Promise.resolve({ outcome: 'timeout' });
    const seconds = Math.round(prompt.timeoutMs / 1000);
    return new Promise<ApprovalAnswer>((resolve) => {
      (io.input as { ref?: () => void }).ref?.();
      const rl = createInterface({ input: io.input, output: io.output, terminal: false });
      let done = false;
      const finish = (answer: ApprovalAnswer, note: string): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        rl.close();
        io.output.write(`${note}\n`);
        io.release?.();
        resolve(answer);
      };
      const onAbort = (): void => finish({ outcome: 'timeout' }, '(the call was cancelled: denied)');
      const timer = setTimeout(() => finish({ outcome: 'timeout' }, `(no answer within ${seconds}s: denied)`), prompt.timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      rl.on('line', (line) => {
        const yes = /^\s*(y|yes)\s*$/i.test(line);
        finish({ outcome: yes ? 'approved' : 'rejected', approver: this.who }, yes ? 'approved' : 'denied');
      });
      rl.on('close', () => finish({ outcome: 'timeout' }, '(terminal closed: denied)'));
      io.output.write(`\n${prompt.message}\nApprove? [y/N] (denied after ${seconds}s): `);
    });
  }
}
