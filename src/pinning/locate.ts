/**
 * @module pinning/locate
 * Lines of pinned servers and items in lockfile text, for finding locations (SARIF points there).
 * The positional parse runs once, lazily, only when there is something to locate.
 */
import * as jsonc from 'jsonc-parser';
import type { Lockfile } from '../model/index.js';

export type LockfileList = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';

export interface LockfileLocator {
  /** Line of a pinned server, or of one item in one of its lists. */
  line(server: { name: string; launchHash: string }, item?: { list: LockfileList; key: string }): number | undefined;
}

export function lockfileLocator(text: string, lock: Lockfile): LockfileLocator {
  let root: jsonc.Node | undefined;
  let toLine: ((offset: number) => number) | undefined;
  const serverIndex = new Map(lock.servers.map((s, i) => [`${s.name}\u0000${s.launch.hash}`, i]));
  const keyField: Record<LockfileList, 'name' | 'uri' | 'uriTemplate'> = { tools: 'name', prompts: 'name', resources: 'uri', resourceTemplates: 'uriTemplate' };
  return {
    line(server, item) {
      const si = serverIndex.get(`${server.name}\u0000${server.launchHash}`);
      if (si === undefined) return undefined;
      root ??= jsonc.parseTree(text);
      if (root === undefined) return undefined;
      if (toLine === undefined) {
        const starts: number[] = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
        toLine = (offset) => {
          let lo = 0;
          let hi = starts.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset) lo = mid;
            else hi = mid - 1;
          }
          return lo + 1;
        };
      }
      const path: Array<string | number> = ['servers', si];
      if (item !== undefined) {
        const list = lock.servers[si]?.[item.list] as Array<Record<string, unknown>> | undefined;
        const ii = list?.findIndex((x) => x[keyField[item.list]] === item.key) ?? -1;
        if (ii !== -1) path.push(item.list, ii);
      }
      const node = jsonc.findNodeAtLocation(root, path);
      return node === undefined ? undefined : toLine(node.offset);
    },
  };
}
