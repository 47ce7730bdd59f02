/**
 * @module pinning/locate
 * Lines of pinned servers and items in lockfile text, for finding locations (SARIF points there).
 *
 * Every pinned server and item has a `"hash": "sha256:…"` member, and hashes are unique in practice.
 * One linear regex pass records where each hash sits; an item is found as the first occurrence of
 * its hash after its server's digest. That costs a few milliseconds on a 10k-tool lockfile, where a
 * positional JSON parse costs a second, and it works for any formatting.
 */
import type { Lockfile } from '../model/index.js';

export type LockfileList = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';

export interface LockfileLocator {
  /** Line of a pinned server (its digest), or of one item (its hash) in one of its lists. */
  line(server: { name: string; launchHash: string }, item?: { list: LockfileList; key: string }): number | undefined;
}

// `"hash"`, optional whitespace, colon, the quoted digest. Bounded, no nested quantifiers: linear.
const HASH_MEMBER = /"hash"[ \t\r\n]{0,64}:[ \t\r\n]{0,64}"(sha256:[0-9a-f]{64})"/g;

export function lockfileLocator(text: string, lock: Lockfile): LockfileLocator {
  let found: Array<{ hash: string; offset: number }> | undefined;
  let starts: number[] | undefined;
  const keyField: Record<LockfileList, 'name' | 'uri' | 'uriTemplate'> = { tools: 'name', prompts: 'name', resources: 'uri', resourceTemplates: 'uriTemplate' };

  const toLine = (offset: number): number => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  return {
    line(server, item) {
      const pinned = lock.servers.find((s) => s.name === server.name && s.launch.hash === server.launchHash);
      if (pinned === undefined) return undefined;
      found ??= [...text.matchAll(HASH_MEMBER)].map((m) => ({ hash: m[1] ?? '', offset: m.index ?? 0 }));
      const at = found.findIndex((f) => f.hash === pinned.hash);
      if (at === -1) return undefined;
      if (item === undefined) return toLine(found[at]!.offset);
      const entry = (pinned[item.list] as Array<Record<string, unknown> & { hash: string }>).find((x) => x[keyField[item.list]] === item.key);
      if (entry === undefined) return undefined;
      for (let i = at + 1; i < found.length; i++) if (found[i]!.hash === entry.hash) return toLine(found[i]!.offset);
      return undefined;
    },
  };
}
