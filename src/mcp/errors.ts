/**
 * @module mcp/errors
 * Why inspecting a server failed, as a value: the kind maps onto a ScanError kind, the message names
 * the cause in the user's terms (with a hint where one helps).
 */
import type { ScanError } from '../model/index.js';

export type InspectFailureKind = Extract<ScanError['kind'], 'connect' | 'timeout' | 'protocol' | 'limit' | 'skipped' | 'internal'>;

export class InspectFailure extends Error {
  readonly kind: InspectFailureKind;
  /** The server's stderr (bounded tail) when it was a local process, for --verbose. */
  stderr?: string;
  constructor(kind: InspectFailureKind, message: string, options?: { cause?: unknown; stderr?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InspectFailure';
    this.kind = kind;
    if (options?.stderr !== undefined) this.stderr = options.stderr;
  }
}

/** Message of any thrown value, on one line, bounded. */
export function messageOf(err: unknown, max = 300): string {
  const msg = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return msg.length > max ? `${msg.slice(0, max)}…` : msg;
}

/** Deadline helper: rejects with `onTimeout()` after `ms`, and runs `cleanup` first. */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Promise<InspectFailure>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout().then(reject, reject);
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // The losing side may reject later (the transport closing under it): that is expected.
    work.catch(() => undefined);
  }
}
