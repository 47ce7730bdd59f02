/**
 * @module pinning/drift
 * Compares what was pinned with what servers advertise now and classifies every difference:
 * servers added, removed or launched differently; instructions changed; tools added, removed,
 * renamed (same content under a new name), changed (which parts), or given a description that was
 * pinned for another tool; prompts, resources and resource templates added, removed or changed.
 * Pure: no I/O. The rules in src/rules/pin/ turn these changes into findings.
 */
import type { LaunchPin, PinHash, PinnedNamed, PinnedResource, PinnedResourceTemplate, PinnedServer } from '../model/index.js';
import { contentHashWithoutName } from './pin.js';

/** Parts of a tool definition a change can touch; each is its own kind of risk. */
export const TOOL_PARTS = ['title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;
export type ToolPart = (typeof TOOL_PARTS)[number];

export type ItemKind = 'prompt' | 'resource' | 'resourceTemplate';
export type PinnedItem = PinnedNamed | PinnedResource | PinnedResourceTemplate;

export type DriftChange =
  | { kind: 'server-added'; server: string; current: PinnedServer }
  | { kind: 'server-removed'; server: string; pinned: PinnedServer }
  | { kind: 'server-identity-changed'; server: string; pinned: LaunchPin; current: LaunchPin }
  | { kind: 'instructions-changed'; server: string; pinned?: { hash: PinHash; text: string }; current?: { hash: PinHash; text: string } }
  | { kind: 'tool-added'; server: string; tool: PinnedNamed }
  | { kind: 'tool-removed'; server: string; tool: PinnedNamed }
  | { kind: 'tool-renamed'; server: string; from: PinnedNamed; to: PinnedNamed }
  | {
      kind: 'tool-changed';
      server: string;
      pinned: PinnedNamed;
      current: PinnedNamed;
      parts: ToolPart[];
      /** The new description is one that was pinned for this other tool. */
      swappedFrom?: { server: string; tool: string };
    }
  | { kind: 'item-added'; server: string; item: ItemKind; key: string; current: PinnedItem }
  | { kind: 'item-removed'; server: string; item: ItemKind; key: string; pinned: PinnedItem }
  | { kind: 'item-changed'; server: string; item: ItemKind; key: string; pinned: PinnedItem; current: PinnedItem };

export type DriftKind = DriftChange['kind'];

const ITEM_PREFIX: Record<ItemKind, string> = { prompt: 'prompt', resource: 'resource', resourceTemplate: 'template' };

/**
 * What a change is about, as used by `pin --update --tool` and the lockfile history:
 * `server`, `launch`, `instructions`, `tool:<name>`, `prompt:<name>`, `resource:<uri>`, `template:<uriTemplate>`.
 */
export function changeTarget(c: DriftChange): string {
  switch (c.kind) {
    case 'server-added':
    case 'server-removed':
      return 'server';
    case 'server-identity-changed':
      return 'launch';
    case 'instructions-changed':
      return 'instructions';
    case 'tool-added':
    case 'tool-removed':
      return `tool:${c.tool.name}`;
    case 'tool-renamed':
      return `tool:${c.to.name}`;
    case 'tool-changed':
      return `tool:${c.current.name}`;
    case 'item-added':
    case 'item-removed':
    case 'item-changed':
      return `${ITEM_PREFIX[c.item]}:${c.key}`;
  }
}

/** Tool names a change concerns (both names for a rename), for `--tool` selection. */
export function changeTools(c: DriftChange): string[] {
  switch (c.kind) {
    case 'tool-added':
    case 'tool-removed':
      return [c.tool.name];
    case 'tool-renamed':
      return [c.from.name, c.to.name];
    case 'tool-changed':
      return [c.current.name];
    default:
      return [];
  }
}

/** Hashes before and after a change (null = absent), recorded in the lockfile history. */
export function changeHashes(c: DriftChange): { old: PinHash | null; new: PinHash | null } {
  switch (c.kind) {
    case 'server-added':
      return { old: null, new: c.current.hash };
    case 'server-removed':
      return { old: c.pinned.hash, new: null };
    case 'server-identity-changed':
      return { old: c.pinned.hash, new: c.current.hash };
    case 'instructions-changed':
      return { old: c.pinned?.hash ?? null, new: c.current?.hash ?? null };
    case 'tool-added':
      return { old: null, new: c.tool.hash };
    case 'tool-removed':
      return { old: c.tool.hash, new: null };
    case 'tool-renamed':
      return { old: c.from.hash, new: c.to.hash };
    case 'tool-changed':
      return { old: c.pinned.hash, new: c.current.hash };
    case 'item-added':
      return { old: null, new: c.current.hash };
    case 'item-removed':
      return { old: c.pinned.hash, new: null };
    case 'item-changed':
      return { old: c.pinned.hash, new: c.current.hash };
  }
}

function byName<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((i) => [key(i), i]));
}

function same(a: unknown, b: unknown): boolean {
  // Definitions are stored normalised (sorted keys), so equal JSON text means equal content.
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Pinned descriptions of every tool, to recognise a description moved onto another tool. */
export type DescriptionIndex = Map<string, Array<{ server: string; tool: string }>>;

export function indexDescriptions(servers: readonly PinnedServer[]): DescriptionIndex {
  const index: DescriptionIndex = new Map();
  for (const s of servers) {
    for (const t of s.tools) {
      const d = t.definition['description'];
      if (typeof d !== 'string' || d.trim() === '') continue;
      const list = index.get(d) ?? [];
      list.push({ server: s.name, tool: t.name });
      index.set(d, list);
    }
  }
  return index;
}

function diffTools(server: string, pinned: readonly PinnedNamed[], current: readonly PinnedNamed[], descriptions: () => DescriptionIndex): DriftChange[] {
  const out: DriftChange[] = [];
  const before = byName(pinned, (t) => t.name);
  const after = byName(current, (t) => t.name);
  const removed: PinnedNamed[] = [];
  const added: PinnedNamed[] = [];
  for (const t of pinned) if (!after.has(t.name)) removed.push(t);
  for (const t of current) {
    const old = before.get(t.name);
    if (old === undefined) {
      added.push(t);
      continue;
    }
    if (old.hash === t.hash) continue;
    const parts = TOOL_PARTS.filter((p) => !same(old.definition[p], t.definition[p]));
    const change: Extract<DriftChange, { kind: 'tool-changed' }> = { kind: 'tool-changed', server, pinned: old, current: t, parts };
    const desc = t.definition['description'];
    if (parts.includes('description') && typeof desc === 'string' && desc.trim() !== '') {
      const source = descriptions().get(desc)?.find((o) => o.tool !== t.name || o.server !== server);
      if (source !== undefined) change.swappedFrom = source;
    }
    out.push(change);
  }
  // A rename: an added tool whose content, name aside, equals exactly one removed tool's content.
  if (removed.length > 0 && added.length > 0) {
    const byContent = new Map<string, PinnedNamed[]>();
    for (const t of removed) {
      const h = contentHashWithoutName(t);
      byContent.set(h, [...(byContent.get(h) ?? []), t]);
    }
    const renamedFrom = new Set<PinnedNamed>();
    for (let i = 0; i < added.length; i++) {
      const t = added[i] as PinnedNamed;
      const candidates = (byContent.get(contentHashWithoutName(t)) ?? []).filter((c) => !renamedFrom.has(c));
      if (candidates.length !== 1) continue;
      const from = candidates[0] as PinnedNamed;
      renamedFrom.add(from);
      out.push({ kind: 'tool-renamed', server, from, to: t });
      added.splice(i--, 1);
    }
    for (let i = removed.length - 1; i >= 0; i--) if (renamedFrom.has(removed[i] as PinnedNamed)) removed.splice(i, 1);
  }
  for (const t of added) out.push({ kind: 'tool-added', server, tool: t });
  for (const t of removed) out.push({ kind: 'tool-removed', server, tool: t });
  return out;
}

function diffItems<T extends PinnedItem>(server: string, item: ItemKind, key: (t: T) => string, pinned: readonly T[], current: readonly T[]): DriftChange[] {
  const out: DriftChange[] = [];
  const before = byName(pinned, key);
  const after = byName(current, key);
  for (const c of current) {
    const p = before.get(key(c));
    if (p === undefined) out.push({ kind: 'item-added', server, item, key: key(c), current: c });
    else if (p.hash !== c.hash) out.push({ kind: 'item-changed', server, item, key: key(c), pinned: p, current: c });
  }
  for (const p of pinned) if (!after.has(key(p))) out.push({ kind: 'item-removed', server, item, key: key(p), pinned: p });
  return out;
}

/** Every difference between one pinned server and its current form (empty when digests match). */
export function diffServer(pinned: PinnedServer, current: PinnedServer, descriptions: () => DescriptionIndex): DriftChange[] {
  if (pinned.hash === current.hash) return [];
  const out: DriftChange[] = [];
  const server = current.name;
  if (pinned.launch.hash !== current.launch.hash) out.push({ kind: 'server-identity-changed', server, pinned: pinned.launch, current: current.launch });
  if (pinned.instructions?.hash !== current.instructions?.hash) {
    out.push({
      kind: 'instructions-changed',
      server,
      ...(pinned.instructions !== undefined ? { pinned: pinned.instructions } : {}),
      ...(current.instructions !== undefined ? { current: current.instructions } : {}),
    });
  }
  out.push(...diffTools(server, pinned.tools, current.tools, descriptions));
  out.push(...diffItems(server, 'prompt', (p: PinnedNamed) => p.name, pinned.prompts, current.prompts));
  out.push(...diffItems(server, 'resource', (r: PinnedResource) => r.uri, pinned.resources, current.resources));
  out.push(...diffItems(server, 'resourceTemplate', (r: PinnedResourceTemplate) => r.uriTemplate, pinned.resourceTemplates, current.resourceTemplates));
  return out;
}

export interface ServerPair {
  pinned: PinnedServer;
  current: PinnedServer;
}

export interface Pairing {
  pairs: ServerPair[];
  added: PinnedServer[];
  removed: PinnedServer[];
}

/**
 * Matches current servers to pinned ones: first by name and launch identity, then, among what is
 * left, by name alone when exactly one of each remains (that pair's identity changed).
 */
export function pairServers(pinned: readonly PinnedServer[], current: readonly PinnedServer[]): Pairing {
  const key = (s: PinnedServer) => `${s.name}\u0000${s.launch.hash}`;
  const exact = byName(pinned, key);
  const pairs: ServerPair[] = [];
  const usedPinned = new Set<PinnedServer>();
  const leftCurrent: PinnedServer[] = [];
  for (const c of current) {
    const p = exact.get(key(c));
    if (p !== undefined && !usedPinned.has(p)) {
      usedPinned.add(p);
      pairs.push({ pinned: p, current: c });
    } else leftCurrent.push(c);
  }
  const leftPinned = pinned.filter((p) => !usedPinned.has(p));
  const added: PinnedServer[] = [];
  for (const c of leftCurrent) {
    const sameNamePinned = leftPinned.filter((p) => p.name === c.name);
    const sameNameCurrent = leftCurrent.filter((o) => o.name === c.name);
    const only = sameNamePinned[0];
    if (sameNamePinned.length === 1 && sameNameCurrent.length === 1 && only !== undefined) {
      usedPinned.add(only);
      pairs.push({ pinned: only, current: c });
    } else added.push(c);
  }
  return { pairs, added, removed: pinned.filter((p) => !usedPinned.has(p)) };
}

export interface DiffOptions {
  /** Report pinned servers that are absent now (lockfile checks: yes; TOFU: no, scans cover subsets). */
  reportRemoved: boolean;
  /** Report servers that were never pinned (lockfile checks: yes; TOFU: first use is trusted). */
  reportAdded: boolean;
}

/** All drift between a set of pinned servers and the current ones, in a stable order. */
export function diffPins(pinned: readonly PinnedServer[], current: readonly PinnedServer[], opts: DiffOptions): DriftChange[] {
  const { pairs, added, removed } = pairServers(pinned, current);
  let index: DescriptionIndex | undefined;
  const descriptions = () => (index ??= indexDescriptions(pinned));
  const out: DriftChange[] = [];
  for (const { pinned: p, current: c } of pairs) out.push(...diffServer(p, c, descriptions));
  if (opts.reportAdded) for (const c of added) out.push({ kind: 'server-added', server: c.name, current: c });
  if (opts.reportRemoved) for (const p of removed) out.push({ kind: 'server-removed', server: p.name, pinned: p });
  return out.sort((a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0));
}
