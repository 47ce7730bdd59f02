/**
 * @module A one-line progress display on stderr for long commands (scan, inspect, vet, …).
 *
 * It draws only for a person watching: stderr is a TTY, stdin is a TTY and CI is not set. Anywhere
 * else (pipes, files, CI logs) it is silent, so it never pollutes machine output or logs. Redraws are
 * throttled by count, not by time, so tests never depend on timing.
 *
 * @example
 * const progress = createProgress();
 * await scan({ onProgress: progress.update });
 * progress.stop();
 */
import type { ProgressEvent, ProgressListener } from '../app/progress.js';
import { visible } from '../report/visible.js';

export interface ProgressOptions {
  stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'>;
  stdin?: Pick<NodeJS.ReadStream, 'isTTY'>;
  env?: Readonly<Record<string, string | undefined>>;
  /** Force on or off (`--no-progress`); undefined: decide from the streams and env. */
  enabled?: boolean;
}

export interface Progress {
  /** Whether anything is drawn at all. */
  readonly enabled: boolean;
  /** Feed a progress event (pass as a use-case's `onProgress`). */
  update: ProgressListener;
  /** Clears the line; call before printing the result. Safe to call twice. */
  stop(): void;
}

/** True when a person is watching: a TTY on both ends and not a CI job. */
export function progressWanted(opts: Omit<ProgressOptions, 'enabled'> = {}): boolean {
  const env = opts.env ?? process.env;
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  if (env['MCP_WARDEN_NO_PROGRESS']) return false;
  return (opts.stream ?? process.stderr).isTTY === true && (opts.stdin ?? process.stdin).isTTY === true;
}

function describe(e: ProgressEvent): string {
  const count = e.total !== undefined ? ` ${Math.min(e.done ?? 0, e.total)}/${e.total}` : '';
  const item = e.item ? `: ${visible(e.item, { newlines: false })}` : '';
  return `mcp-warden: ${e.phase}${count}${item}`;
}

const SILENT: Progress = { enabled: false, update: () => undefined, stop: () => undefined };

export function createProgress(opts: ProgressOptions = {}): Progress {
  const enabled = opts.enabled ?? progressWanted(opts);
  if (!enabled) return SILENT;
  const stream = opts.stream ?? process.stderr;
  let drawn = false;
  let last = '';
  let lastPhase = '';
  let lastStep = -1;
  const clear = (): void => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    enabled: true,
    update(event) {
      if (event.phase === 'done') {
        clear();
        return;
      }
      // Redraw on a new phase, else at most ~200 times per phase however many items it has.
      const step = event.total ? Math.floor(((event.done ?? 0) * 200) / event.total) : 0;
      if (event.phase === lastPhase && step === lastStep && drawn) return;
      lastPhase = event.phase;
      lastStep = step;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const text = describe(event);
      const lineText = text.length > width ? `${text.slice(0, width - 1)}…` : text;
      if (lineText === last && drawn) return;
      last = lineText;
      stream.write(`\r\u001b[2K${lineText}`);
      drawn = true;
    },
    stop: clear,
  };
}
