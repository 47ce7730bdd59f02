/**
 * @module pinning/approve
 * Accepting reviewed drift: everything (`pin --update`), one server (`--server S`) or one tool of
 * one server (`--server S --tool T`). Every accepted change becomes a history entry with who, when
 * and the hashes before and after.
 */
import type { PinHistoryEntry, PinnedServer } from '../model/index.js';
import { changeHashes, changeTarget, changeTools, diffServer, indexDescriptions, pairServers, type DriftChange } from './drift.js';
import { sortServers } from './lockfile.js';
import { finishServer } from './pin.js';

export interface Selection {
  /** Only changes of servers with this name. */
  server?: string;
  /** Only changes of this tool (needs `server`); a rename is selected by either name. */
  tool?: string;
}

export interface Approver {
  /** Who approved: `Name <email>` from git config, else the OS user name. */
  by: string;
  /** When, ISO 8601. */
  at: string;
}

export interface ApprovalResult {
  servers: PinnedServer[];
  accepted: DriftChange[];
  /** Drift that is still there after the approval (not selected). */
  pending: DriftChange[];
}

function selected(c: DriftChange, sel: Selection): boolean {
  if (sel.server !== undefined && c.server !== sel.server) return false;
  if (sel.tool !== undefined) return changeTools(c).includes(sel.tool);
  return true;
}

/** Applies accepted changes of one server to its pinned form; the rest stays as pinned. */
function applyToServer(pinned: PinnedServer, current: PinnedServer, accepted: readonly DriftChange[]): PinnedServer {
  let { launch, instructions } = pinned;
  const tools = new Map(pinned.tools.map((t) => [t.name, t]));
  const prompts = new Map(pinned.prompts.map((p) => [p.name, p]));
  const resources = new Map(pinned.resources.map((r) => [r.uri, r]));
  const templates = new Map(pinned.resourceTemplates.map((r) => [r.uriTemplate, r]));
  for (const c of accepted) {
    switch (c.kind) {
      case 'server-identity-changed':
        launch = current.launch;
        break;
      case 'instructions-changed':
        instructions = current.instructions;
        break;
      case 'tool-added':
        tools.set(c.tool.name, c.tool);
        break;
      case 'tool-removed':
        tools.delete(c.tool.name);
        break;
      case 'tool-renamed':
        tools.delete(c.from.name);
        tools.set(c.to.name, c.to);
        break;
      case 'tool-changed':
        tools.set(c.current.name, c.current);
        break;
      case 'item-added':
      case 'item-changed': {
        const item = c.current as never;
        if (c.item === 'prompt') prompts.set(c.key, item);
        else if (c.item === 'resource') resources.set(c.key, item);
        else templates.set(c.key, item);
        break;
      }
      case 'item-removed':
        if (c.item === 'prompt') prompts.delete(c.key);
        else if (c.item === 'resource') resources.delete(c.key);
        else templates.delete(c.key);
        break;
      case 'server-added':
      case 'server-removed':
        break;
    }
  }
  return finishServer({
    name: pinned.name,
    launch,
    ...(instructions !== undefined ? { instructions } : {}),
    tools: [...tools.values()],
    prompts: [...prompts.values()],
    resources: [...resources.values()],
    resourceTemplates: [...templates.values()],
  });
}

/**
 * Accepts the selected drift between `pinned` and `current` and returns the new pinned set.
 * A new server is accepted whole (never with `--tool`); a vanished server is dropped only when
 * selected without `--tool`.
 */
export function approve(pinned: readonly PinnedServer[], current: readonly PinnedServer[], sel: Selection): ApprovalResult {
  const { pairs, added, removed } = pairServers(pinned, current);
  let index: ReturnType<typeof indexDescriptions> | undefined;
  const descriptions = () => (index ??= indexDescriptions(pinned));
  const servers: PinnedServer[] = [];
  const accepted: DriftChange[] = [];
  const pending: DriftChange[] = [];
  for (const { pinned: p, current: c } of pairs) {
    const changes = diffServer(p, c, descriptions);
    const take = changes.filter((ch) => selected(ch, sel));
    const keep = changes.filter((ch) => !selected(ch, sel));
    accepted.push(...take);
    pending.push(...keep);
    servers.push(keep.length === 0 ? c : take.length === 0 ? p : applyToServer(p, c, take));
  }
  for (const c of added) {
    const change: DriftChange = { kind: 'server-added', server: c.name, current: c };
    if (sel.tool === undefined && selected(change, sel)) {
      accepted.push(change);
      servers.push(c);
    } else pending.push(change);
  }
  for (const p of removed) {
    const change: DriftChange = { kind: 'server-removed', server: p.name, pinned: p };
    if (sel.tool === undefined && selected(change, sel)) accepted.push(change);
    else {
      pending.push(change);
      servers.push(p);
    }
  }
  return { servers, accepted, pending };
}

/** History entries for accepted changes. */
export function historyFor(accepted: readonly DriftChange[], who: Approver): PinHistoryEntry[] {
  return accepted.map((c) => ({
    at: who.at,
    by: who.by,
    action: 'update',
    server: c.server,
    target: changeTarget(c),
    change: c.kind,
    ...changeHashes(c),
  }));
}

/** History entries for servers pinned for the first time. */
export function firstPinHistory(servers: readonly PinnedServer[], who: Approver): PinHistoryEntry[] {
  return sortServers(servers).map((s) => ({ at: who.at, by: who.by, action: 'pin', server: s.name, target: 'server', old: null, new: s.hash }));
}
