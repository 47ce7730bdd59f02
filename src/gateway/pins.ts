/**
 * @module gateway/pins
 * The gateway's view of the lockfile: for each upstream tool, whether its current definition is
 * the pinned one. Statuses are computed when a catalog changes (at start and on every
 * tools/list_changed), so the per-call check is one map lookup.
 */
import type { Tool } from '@modelcontextprotocol/client';
import type { PinGuard, PinStatus } from './middleware/pin/index.js';

/** Compares one server's current tool definitions with the lockfile. */
export interface PinVerifier {
  /** Status of every tool in `tools`; servers absent from the lockfile get `new` for every tool. */
  verify(server: string, tools: readonly Tool[]): Map<string, PinStatus>;
  /** Re-reads the lockfile (after `mcp-warden pin` approved a change). Returns false when it is invalid. */
  reload?(): boolean;
}

export type PinMode = 'enforce' | 'warn' | 'off';

export class PinIndex implements PinGuard {
  private readonly statuses = new Map<string, Map<string, PinStatus>>();

  constructor(
    private readonly verifier: PinVerifier | undefined,
    readonly mode: PinMode,
  ) {}

  /** Recomputes one server's statuses; returns the tools that are not pinned. */
  update(server: string, tools: readonly Tool[]): Array<{ tool: string; status: PinStatus }> {
    if (!this.verifier || this.mode === 'off') return [];
    const result = this.verifier.verify(server, tools);
    this.statuses.set(server, result);
    return [...result].filter(([, s]) => s === 'changed' || s === 'new').map(([tool, status]) => ({ tool, status }));
  }

  status(server: string, tool: string): PinStatus {
    if (this.mode !== 'enforce') return 'unchecked';
    return this.statuses.get(server)?.get(tool) ?? (this.verifier ? 'new' : 'unchecked');
  }

  /** Whether the tool may be listed to clients. */
  visible(server: string, tool: string): boolean {
    const s = this.status(server, tool);
    return s === 'pinned' || s === 'unchecked';
  }
}
