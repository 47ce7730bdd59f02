/**
 * @module policy/watch
 * Hot reload: the gateway reads `holder.current` on every call; a valid edit of the file swaps it
 * atomically, an invalid edit keeps the last good policy and reports the error with its lines.
 */
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { parsePolicy } from './load.js';
import { defaultPolicy } from './schema.js';

export interface PolicyHolderEvents {
  reload: [policy: CompiledPolicy];
  error: [error: Error];
}

/** Holds the current policy; with a file, reloads it when the file changes (or on `reload()`). */
export class PolicyHolder extends EventEmitter<PolicyHolderEvents> {
  private policy: CompiledPolicy;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastHash: string | undefined;

  constructor(
    readonly file?: string,
    initial?: CompiledPolicy,
  ) {
    super();
    if (initial) this.policy = initial;
    else if (file) {
      const text = readFileSync(file, 'utf8');
      this.lastHash = hash(text);
      this.policy = compilePolicy(parsePolicy(text, file), file);
    } else this.policy = compilePolicy(defaultPolicy());
  }

  get current(): CompiledPolicy {
    return this.policy;
  }

  /** Replaces the policy (tests, programmatic use). */
  set(policy: CompiledPolicy): void {
    this.policy = policy;
    this.emit('reload', policy);
  }

  /** Re-reads the file now. Returns false (and emits `error`) when the new text is invalid. */
  reload(): boolean {
    if (!this.file) return true;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      this.emit('error', new Error(`cannot read policy ${this.file}: ${(err as Error).message}; keeping the previous policy`));
      return false;
    }
    const h = hash(text);
    if (h === this.lastHash) return true;
    try {
      const next = compilePolicy(parsePolicy(text, this.file), this.file);
      this.lastHash = h;
      this.set(next);
      return true;
    } catch (err) {
      this.lastHash = h;
      this.emit('error', err as Error);
      return false;
    }
  }

  /** Starts watching the file's directory (editors replace files by rename, which a file watch misses). */
  watch(debounceMs = 100): void {
    if (!this.file || this.watcher) return;
    const name = basename(this.file);
    this.watcher = watch(dirname(this.file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), debounceMs);
      this.timer.unref();
    });
    this.watcher.on('error', (err) => this.emit('error', err));
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
