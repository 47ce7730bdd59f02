/**
 * @module mcp/line-reader
 * Newline-delimited JSON-RPC framing for stdio transports, with the SDK's ReadBuffer contract
 * (same size cap and error, `\r\n` accepted, lines that are not JSON skipped, messages checked
 * against the SDK's JSONRPCMessage schema) at a lower cost per message:
 * - a message whose shape the schema certainly accepts and returns unchanged (plainJsonRpcMessage)
 *   is passed on as parsed; anything else goes through the schema, with its errors;
 * - chunks are joined once per message, not once per chunk (the SDK's buffer copies everything
 *   received so far on each chunk: quadratic in the size of a large result).
 * Why: on a 1 KB tool call through `wrap`, the schema on the two messages of each call cost about
 * 60 µs of CPU, more than the checks the call is routed through for.
 */
import { parseJSONRPCMessage, STDIO_DEFAULT_MAX_BUFFER_SIZE, type JSONRPCMessage } from '@modelcontextprotocol/client';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A JSON-RPC id (or progress token) as the schema accepts it: a string or a safe integer. */
const isId = (v: unknown): boolean => typeof v === 'string' || Number.isSafeInteger(v);

/**
 * Request or notification params the schema passes through as they are: an object whose `_meta`,
 * if any, holds nothing the schema looks into but a well-formed progress token.
 */
function plainParams(params: unknown): boolean {
  if (params === undefined) return true;
  if (!isObject(params)) return false;
  const meta = params['_meta'];
  if (meta === undefined) return true;
  if (!isObject(meta) || 'io.modelcontextprotocol/related-task' in meta) return false;
  const token = meta['progressToken'];
  return token === undefined || isId(token);
}

/** Every key of `o` is among `allowed`. */
function keysWithin(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

const REQUEST_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);
const NOTIFICATION_KEYS = new Set(['jsonrpc', 'method', 'params']);
const RESULT_KEYS = new Set(['jsonrpc', 'id', 'result']);
const ERROR_KEYS = new Set(['jsonrpc', 'id', 'error']);
const ERROR_BODY_KEYS = new Set(['code', 'message', 'data']);

/**
 * True when the SDK's JSONRPCMessage schema certainly accepts `value` and returns it unchanged:
 * a request, notification, result or error of exactly the spec's keys, with a plain `_meta` or
 * none (results: none, since the schema reads server info from it). Anything else is left to the
 * schema (test/mcp/line-reader.test.ts compares both on every shape).
 */
export function plainJsonRpcMessage(value: unknown): value is JSONRPCMessage {
  if (!isObject(value) || value['jsonrpc'] !== '2.0') return false;
  if ('method' in value) {
    if (typeof value['method'] !== 'string' || !plainParams(value['params'])) return false;
    return 'id' in value ? isId(value['id']) && keysWithin(value, REQUEST_KEYS) : keysWithin(value, NOTIFICATION_KEYS);
  }
  if ('result' in value) {
    const result = value['result'];
    return isId(value['id']) && isObject(result) && !('_meta' in result) && keysWithin(value, RESULT_KEYS);
  }
  if ('error' in value) {
    const error = value['error'];
    const id = value['id'];
    return (
      (id === undefined ? !('id' in value) : isId(id)) &&
      isObject(error) &&
      Number.isSafeInteger(error['code']) &&
      typeof error['message'] === 'string' &&
      keysWithin(error, ERROR_BODY_KEYS) &&
      keysWithin(value, ERROR_KEYS)
    );
  }
  return false;
}

/** One line of JSON as a message: as parsed when plain, else through the SDK's schema (which throws on a non-message). */
export function lineMessage(line: string): JSONRPCMessage {
  const value: unknown = JSON.parse(line);
  return plainJsonRpcMessage(value) ? value : parseJSONRPCMessage(value);
}

const NEWLINE = 0x0a;

/** Drop-in for the SDK's ReadBuffer (append, readMessage, clear). */
export class JsonRpcLineReader {
  /** Chunks of the line being received, oldest first; `first` bytes of chunks[0] are consumed. */
  private chunks: Buffer[] = [];
  private first = 0;
  private bytes = 0;
  /** Chunks before this index hold no newline (a long line is not searched again on every chunk). */
  private searched = 0;

  constructor(private readonly maxBufferSize = STDIO_DEFAULT_MAX_BUFFER_SIZE) {}

  append(chunk: Buffer): void {
    if (this.bytes + chunk.length > this.maxBufferSize) {
      this.clear();
      throw new Error(`ReadBuffer exceeded maximum size of ${this.maxBufferSize} bytes`);
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  /** The next message, or null until a whole line is there. Lines that are not JSON are skipped. */
  readMessage(): JSONRPCMessage | null {
    for (;;) {
      const line = this.nextLine();
      if (line === null) return null;
      try {
        return lineMessage(line.endsWith('\r') ? line.slice(0, -1) : line);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
      }
    }
  }

  clear(): void {
    this.chunks = [];
    this.first = 0;
    this.bytes = 0;
    this.searched = 0;
  }

  /** The next complete line (without its newline), consumed; null when none is complete. */
  private nextLine(): string | null {
    const chunks = this.chunks;
    for (let c = this.searched; c < chunks.length; c++) {
      const chunk = chunks[c] as Buffer;
      const at = chunk.indexOf(NEWLINE, c === 0 ? this.first : 0);
      if (at === -1) {
        this.searched = c + 1;
        continue;
      }
      this.searched = 0;
      let line: string;
      if (c === 0) line = chunk.toString('utf8', this.first, at);
      else {
        const parts = [chunks[0]?.subarray(this.first) as Buffer, ...chunks.slice(1, c), chunk.subarray(0, at)];
        line = Buffer.concat(parts).toString('utf8');
      }
      const consumed = chunks.slice(0, c).reduce((n, b) => n + b.length, 0) - this.first + at + 1;
      this.bytes -= consumed;
      if (at + 1 === chunk.length) {
        this.chunks = chunks.slice(c + 1);
        this.first = 0;
      } else {
        this.chunks = c === 0 ? chunks : chunks.slice(c);
        this.first = at + 1;
      }
      return line;
    }
    return null;
  }
}

/**
 * Gives an SDK stdio transport (client or server) this reader in place of its ReadBuffer, before it
 * is started. The buffer is a private field of the SDK's classes: when it is not there as
 * expected, the transport is left as it is and false is returned (a test checks both SDK
 * transports take it).
 */
export function useLineReader(transport: object): boolean {
  const t = transport as { _readBuffer?: unknown };
  const current = t._readBuffer as { append?: unknown; readMessage?: unknown; clear?: unknown; _maxBufferSize?: unknown } | undefined;
  if (!isObject(current) || typeof current.append !== 'function' || typeof current.readMessage !== 'function' || typeof current.clear !== 'function') return false;
  t._readBuffer = new JsonRpcLineReader(typeof current._maxBufferSize === 'number' ? current._maxBufferSize : undefined);
  return true;
}
