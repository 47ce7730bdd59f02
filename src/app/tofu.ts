/**
 * @module app/tofu
 * Trust on first use, for scans without a lockfile: the first time a server (name + where it is
 * declared) is seen, what it advertises is stored as approved; later scans report drift against
 * that approved snapshot until the change is accepted (`mcp-warden pin --store --update`).
 */
import type { Finding, FindingLocation, ScanError, ServerEntry, ServerSnapshot } from '../model/index.js';
import { approve, type Selection } from '../pinning/approve.js';
import { changeHashes, changeTarget, diffServer, indexDescriptions, type DriftChange } from '../pinning/drift.js';
import { pinDriftRules } from '../rules/index.js';
import { runPinRules } from '../rules/run-pin.js';
import { openStore } from '../store/db.js';
import { PinSnapshotStore } from '../store/pin-snapshots.js';
import { pinCurrent, type CurrentServer } from './pin-current.js';

/** Who a first-use approval is attributed to in the approval log. */
export const FIRST_USE = 'trust on first use';

export interface TofuOptions {
  stateDir: string;
  now?: Date;
  /** Store first-seen servers and pending drift (scans: yes; `pin --store --check`: no). */
  record: boolean;
}

export interface TofuResult {
  findings: Finding[];
  errors: ScanError[];
  notes: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function locate(current: readonly CurrentServer[]) {
  return (c: DriftChange): FindingLocation => {
    const s = current.find((x) => x.server.name === c.server);
    const entry = s?.snapshot.entry;
    const tool = c.kind.startsWith('tool-') ? changeTarget(c).slice('tool:'.length) : undefined;
    return {
      server: c.server,
      ...(entry !== undefined ? { file: entry.configFile, client: entry.client, ...(entry.line !== undefined ? { line: entry.line } : {}) } : {}),
      ...(tool !== undefined ? { tool } : {}),
    };
  };
}

/** Compares current servers with their approved snapshots in the store; records as asked. */
export function tofuCheck(current: readonly CurrentServer[], opts: TofuOptions): TofuResult {
  const at = (opts.now ?? new Date()).toISOString();
  const store = openStore(opts.stateDir);
  try {
    const snapshots = new PinSnapshotStore(store.db, store.file);
    const changes: DriftChange[] = [];
    let firstSeen = 0;
    snapshots.transaction(() => {
      const approved = current.map((c) => snapshots.get(c.server.name, c.origin, 'approved'));
      let index: ReturnType<typeof indexDescriptions> | undefined;
      const descriptions = () => (index ??= indexDescriptions(approved.flatMap((a) => (a === undefined ? [] : [a.server]))));
      current.forEach((c, i) => {
        const base = approved[i];
        if (base === undefined) {
          firstSeen++;
          if (opts.record) {
            snapshots.put(c.origin, 'approved', c.server, at, FIRST_USE);
            snapshots.recordApprovals([{ name: c.server.name, origin: c.origin, target: 'server', old: null, new: c.server.hash, by: FIRST_USE, at }]);
          }
          return;
        }
        if (base.server.hash === c.server.hash) {
          if (opts.record) {
            snapshots.touch(c.server.name, c.origin, at);
            snapshots.remove(c.server.name, c.origin, 'pending');
          }
          return;
        }
        changes.push(...diffServer(base.server, c.server, descriptions));
        if (opts.record) snapshots.put(c.origin, 'pending', c.server, at);
      });
    });
    const ran = runPinRules(Object.values(pinDriftRules), changes, locate(current));
    const notes: string[] = [];
    if (firstSeen > 0) {
      notes.push(
        opts.record
          ? `trusted on first use: ${plural(firstSeen, 'server')} seen for the first time were recorded in ${store.file}; later scans report drift against them`
          : `${plural(firstSeen, 'server')} not yet recorded in ${store.file} (nothing to compare against)`,
      );
    }
    if (changes.length > 0) notes.push(`drift against the last approved snapshots in ${store.file}: review, then accept with \`mcp-warden pin --store --update --server <name>\``);
    return { findings: ran.findings, errors: ran.errors, notes };
  } finally {
    store.close();
  }
}

/** The scan's TOFU stage: pin the snapshots, compare with the store, record. */
export function tofuStage(snapshots: readonly ServerSnapshot[], entries: readonly ServerEntry[], opts: TofuOptions): TofuResult {
  const { current, errors } = pinCurrent(snapshots, entries);
  const result = tofuCheck(current, opts);
  return { ...result, errors: [...errors, ...result.errors] };
}

export interface TofuApproval {
  accepted: Array<{ origin: string; change: DriftChange }>;
  pendingLeft: number;
  notes: string[];
}

/**
 * Accepts the pending drift recorded by earlier scans (all, one server, or one tool of one server)
 * into the approved snapshots, logging who approved what.
 */
export function tofuApprove(stateDir: string, sel: Selection, by: string, now: Date = new Date()): TofuApproval {
  const at = now.toISOString();
  const store = openStore(stateDir);
  try {
    const snapshots = new PinSnapshotStore(store.db, store.file);
    const accepted: TofuApproval['accepted'] = [];
    let pendingLeft = 0;
    snapshots.transaction(() => {
      for (const pending of snapshots.list('pending', sel.server)) {
        const base = snapshots.get(pending.name, pending.origin, 'approved');
        if (base === undefined) {
          // The approved row was deleted by hand: the pending snapshot becomes the baseline.
          snapshots.put(pending.origin, 'approved', pending.server, at, by);
          snapshots.remove(pending.name, pending.origin, 'pending');
          snapshots.recordApprovals([{ name: pending.name, origin: pending.origin, target: 'server', old: null, new: pending.server.hash, by, at }]);
          continue;
        }
        const result = approve([base.server], [pending.server], sel);
        const next = result.servers[0];
        if (result.accepted.length === 0 || next === undefined) {
          pendingLeft += result.pending.length;
          continue;
        }
        snapshots.put(pending.origin, 'approved', next, at, by);
        if (result.pending.length === 0) snapshots.remove(pending.name, pending.origin, 'pending');
        pendingLeft += result.pending.length;
        snapshots.recordApprovals(
          result.accepted.map((c) => ({ name: pending.name, origin: pending.origin, target: changeTarget(c), change: c.kind, ...changeHashes(c), by, at })),
        );
        accepted.push(...result.accepted.map((change) => ({ origin: pending.origin, change })));
      }
    });
    const notes = [
      accepted.length > 0
        ? `accepted ${plural(accepted.length, 'change')} into ${store.file}`
        : `nothing to accept${sel.server !== undefined ? ` for server "${sel.server}"${sel.tool !== undefined ? ` tool "${sel.tool}"` : ''}` : ''} in ${store.file}`,
      ...accepted.map(({ origin, change }) => `accepted: server "${change.server}" (${origin}): ${changeTarget(change)} (${change.kind})`),
      ...(pendingLeft > 0 ? [`${plural(pendingLeft, 'change')} still pending`] : []),
    ];
    return { accepted, pendingLeft, notes };
  } finally {
    store.close();
  }
}
