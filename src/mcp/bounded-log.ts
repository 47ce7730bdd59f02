/**
 * @module mcp/bounded-log
 * Keeps the last `max` bytes of a stream (a server's stderr) and counts the rest, so a server that
 * floods stderr costs a fixed amount of memory.
 */
export class BoundedLog {
  private chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;

  constructor(private readonly max: number) {}

  append(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.max <= 0) return;
    const piece = chunk.length > this.max ? chunk.subarray(chunk.length - this.max) : chunk;
    this.chunks.push(Buffer.from(piece));
    this.kept += piece.length;
    while (this.kept > this.max && this.chunks.length > 0) {
      const head = this.chunks[0] as Buffer;
      const excess = this.kept - this.max;
      if (head.length <= excess) {
        this.chunks.shift();
        this.kept -= head.length;
      } else {
        this.chunks[0] = head.subarray(excess);
        this.kept -= excess;
      }
    }
  }

  /** Bytes seen in total, kept or not. */
  get totalBytes(): number {
    return this.total;
  }

  /** The kept tail as text, prefixed with how much was dropped. */
  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    const dropped = this.total - this.kept;
    return dropped > 0 ? `[… ${dropped} earlier bytes dropped]\n${body}` : body;
  }

  /** The last non-empty line, trimmed to `maxChars`, for one-line error hints. */
  lastLine(maxChars = 200): string | undefined {
    const lines = Buffer.concat(this.chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    const last = lines[lines.length - 1];
    if (last === undefined) return undefined;
    return last.length > maxChars ? `${last.slice(0, maxChars)}…` : last;
  }
}
