/**
 * @module mcp/process-transport
 * A stdio client transport for servers we do not trust. It follows the SDK's StdioClientTransport
 * (shell: false, the SDK's framing: line-reader.ts reads as its ReadBuffer does, serializeMessage writes) and adds what a scanner
 * needs: the server runs in its own process group and the whole group is killed on close, stderr
 * is kept in a bounded log, the read buffer is capped, and what happened is recorded for errors.
 *
 * It exposes `pid` and `stderr` like the SDK's stdio transport, so the SDK's version negotiation
 * treats it as stdio (a silent or closing probe means a legacy server).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PassThrough, type Stream } from 'node:stream';
import { serializeMessage, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';
import { JsonRpcLineReader } from './line-reader.js';
import { BoundedLog } from './bounded-log.js';

export interface ProcessTransportOptions {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
  cwd?: string;
  maxMessageBytes: number;
  maxStderrBytes: number;
  killGraceMs: number;
}

/** What the process did, for error messages. */
export interface ProcessDiagnostics {
  pid?: number;
  spawnError?: NodeJS.ErrnoException;
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  /** True once the process exited (or failed to start). */
  exited: boolean;
  /** True when it exited on its own, before we began closing it. */
  exitedOnItsOwn: boolean;
  stdoutBytes: number;
  messages: number;
  /** First bytes of stdout, to show what a server that does not speak MCP printed. */
  stdoutSample: string;
  /** Set when the server sent a message larger than `maxMessageBytes`. */
  oversized: boolean;
  /** Methods of the first requests sent (for "it exited on the probe" decisions). */
  sentMethods: string[];
  stderr: BoundedLog;
}

const STDOUT_SAMPLE_BYTES = 200;
const live = new Set<ProcessTransport>();
let exitHookInstalled = false;

/** On our own exit, no server we started may outlive us. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const t of live) t.killGroupNow('SIGKILL');
  });
}

export class ProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child?: ChildProcessWithoutNullStreams;
  private readonly readBuffer: JsonRpcLineReader;
  private readonly stderrStream = new PassThrough();
  private closing?: Promise<void>;
  private closedEmitted = false;
  private exitPromise?: Promise<void>;
  readonly diagnostics: ProcessDiagnostics;

  constructor(private readonly opts: ProcessTransportOptions) {
    this.readBuffer = new JsonRpcLineReader(opts.maxMessageBytes);
    this.diagnostics = { exited: false, exitedOnItsOwn: false, sentMethods: [], stdoutBytes: 0, messages: 0, stdoutSample: '', oversized: false, stderr: new BoundedLog(opts.maxStderrBytes) };
    // Keep the pass-through flowing so an unread stderr never back-pressures the child.
    this.stderrStream.resume();
  }

  /** Child pid (also its process group id on POSIX). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get stderr(): Stream | null {
    return this.stderrStream;
  }

  start(): Promise<void> {
    if (this.child) throw new Error('ProcessTransport already started; Client.connect() starts it, do not call start() yourself.');
    installExitHook();
    return new Promise((resolve, reject) => {
      const child = spawn(this.opts.command, [...this.opts.args], {
        env: this.opts.env,
        cwd: this.opts.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
        // Own process group, so close() reaches grandchildren (npx -> node, uvx -> python).
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
      this.child = child;
      live.add(this);
      this.exitPromise = new Promise((done) => child.once('exit', () => done()));
      child.once('error', (err: NodeJS.ErrnoException) => {
        this.diagnostics.spawnError = err;
        this.diagnostics.exited = true;
        live.delete(this);
        reject(err);
        this.onerror?.(err);
        this.emitClose();
      });
      child.once('spawn', () => {
        this.diagnostics.pid = child.pid;
        resolve();
      });
      child.once('exit', (code, signal) => {
        this.diagnostics.exitCode = code;
        this.diagnostics.signal = signal;
        this.diagnostics.exited = true;
        this.diagnostics.exitedOnItsOwn = this.closing === undefined;
        // The leader is gone; whatever it left in its group is an orphan-to-be.
        this.killGroupNow('SIGKILL');
        live.delete(this);
      });
      child.once('close', () => this.emitClose());
      child.stdin.on('error', (err) => this.onerror?.(err));
      child.stdout.on('error', (err) => this.onerror?.(err));
      child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        this.diagnostics.stderr.append(chunk);
        this.stderrStream.write(chunk);
      });
    });
  }

  private onStdout(chunk: Buffer): void {
    const d = this.diagnostics;
    if (d.stdoutSample.length < STDOUT_SAMPLE_BYTES) d.stdoutSample += chunk.subarray(0, STDOUT_SAMPLE_BYTES - d.stdoutSample.length).toString('utf8');
    d.stdoutBytes += chunk.length;
    if (d.oversized) return;
    try {
      this.readBuffer.append(chunk);
    } catch (err) {
      d.oversized = true;
      this.onerror?.(err instanceof Error ? err : new Error(String(err)));
      void this.close();
      return;
    }
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.readBuffer.readMessage();
      } catch (err) {
        // Valid JSON that is not JSON-RPC: report and keep reading.
        this.onerror?.(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (message === null) break;
      d.messages++;
      this.onmessage?.(message);
    }
  }

  private emitClose(): void {
    if (this.closedEmitted) return;
    this.closedEmitted = true;
    this.readBuffer.clear();
    this.stderrStream.end();
    this.onclose?.();
  }

  /** Signals the whole process group (POSIX) or the process (Windows); ignores "no such process". */
  killGroupNow(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === 'win32') this.child?.kill(signal);
      else process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone, which is what we want.
    }
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin;
      if (!stdin || this.closing || this.diagnostics.exited || !stdin.writable) {
        reject(new Error('Not connected: the server process is not running'));
        return;
      }
      if ('method' in message && this.diagnostics.sentMethods.length < 16) this.diagnostics.sentMethods.push(message.method);
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', () => resolve());
    });
  }

  /** Ends stdin, SIGTERMs the process group, SIGKILLs it after the grace period. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const child = this.child;
    if (!child) {
      this.emitClose();
      return;
    }
    try {
      child.stdin.end();
    } catch {
      // stdin already destroyed: nothing to flush
    }
    const exited = this.exitPromise ?? Promise.resolve();
    if (!this.diagnostics.exited) {
      this.killGroupNow('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((r) => (timer = setTimeout(r, this.opts.killGraceMs)))]);
      clearTimeout(timer);
    }
    this.killGroupNow('SIGKILL');
    if (!this.diagnostics.spawnError) await exited;
    live.delete(this);
    // A grandchild may still hold the pipes open after the group kill raced its fork; do not wait on it.
    child.stdout.destroy();
    child.stderr.destroy();
    child.stdin.destroy();
    this.emitClose();
  }
}
