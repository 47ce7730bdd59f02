/** Error codes for failures that abort a command (exit 2). Per-file/per-server problems are ScanErrors instead. */
export enum WardenErrorCode {
  Usage = 'usage',
  InvalidInput = 'invalid-input',
  Io = 'io',
  Internal = 'internal',
}

/** A failure with a code and, where useful, a hint on how to fix the call. */
export class WardenError extends Error {
  readonly code: WardenErrorCode;
  readonly hint?: string;
  constructor(code: WardenErrorCode, message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WardenError';
    this.code = code;
    if (options?.hint !== undefined) this.hint = options.hint;
  }
}
