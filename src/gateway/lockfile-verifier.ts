/**
 * @module gateway/lockfile-verifier
 * Checks upstream tool definitions against `mcp-warden.lock` with the pinning module's own hashing
 * (the same fields, the same canonical form), so the gateway and `mcp-warden pin --check` always
 * agree on what "changed" means.
 */
import type { Tool } from '@modelcontextprotocol/client';
import type { ToolDefinition } from '../model/index.js';
import { CanonicalFormError } from '../pinning/canonical.js';
import { readLockfileText } from '../pinning/file.js';
import { parseLockfile } from '../pinning/lockfile.js';
import { pinTool } from '../pinning/pin.js';
import type { PinStatus } from './middleware/pin/index.js';
import type { PinVerifier } from './pins.js';

export class LockfileVerifier implements PinVerifier {
  private servers = new Map<string, Map<string, string>>();
  /** Why the last reload failed, if it did (the previous pins stay in force). */
  lastError: Error | undefined;

  constructor(readonly file: string) {
    if (!this.reload() && this.lastError) throw this.lastError;
  }

  /** True when the lockfile exists. */
  get present(): boolean {
    return this.exists;
  }
  private exists = false;

  reload(): boolean {
    try {
      const text = readLockfileText(this.file);
      this.exists = text !== undefined;
      const next = new Map<string, Map<string, string>>();
      if (text !== undefined) {
        for (const s of parseLockfile(this.file, text).servers) next.set(s.name, new Map(s.tools.map((t) => [t.name, t.hash])));
      }
      this.servers = next;
      this.lastError = undefined;
      return true;
    } catch (err) {
      this.lastError = err as Error;
      return false;
    }
  }

  verify(server: string, tools: readonly Tool[]): Map<string, PinStatus> {
    const pinned = this.servers.get(server);
    const out = new Map<string, PinStatus>();
    for (const tool of tools) {
      const expected = pinned?.get(tool.name);
      if (expected === undefined) {
        out.set(tool.name, 'new');
        continue;
      }
      let hash: string;
      try {
        hash = pinTool(tool as unknown as ToolDefinition).hash;
      } catch (err) {
        if (!(err instanceof CanonicalFormError)) throw err;
        out.set(tool.name, 'changed'); // a definition that cannot be pinned cannot match a pin
        continue;
      }
      out.set(tool.name, hash === expected ? 'pinned' : 'changed');
    }
    return out;
  }
}
