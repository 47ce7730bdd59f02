/**
 * @module app/pin-current
 * Pins what servers advertise now: each snapshot with its launch identity (from its declaration
 * when one is known, else from the snapshot's own `launch` text).
 */
import type { ScanError, ServerEntry, ServerSnapshot } from '../model/index.js';
import type { PinnedServer } from '../model/index.js';
import { CanonicalFormError } from '../pinning/canonical.js';
import { declaredIdentity, launchIdentity } from '../pinning/identity.js';
import { pinServer } from '../pinning/pin.js';

export interface CurrentServer {
  server: PinnedServer;
  snapshot: ServerSnapshot;
  /** TOFU key part: `<client>:<config file>` for declared servers, else the snapshot source. */
  origin: string;
}

/** The declaration a snapshot was taken from, if it is among `entries`. */
export function entryOf(snapshot: ServerSnapshot, entries: readonly ServerEntry[]): ServerEntry | undefined {
  const ref = snapshot.entry;
  if (ref === undefined) return undefined;
  return entries.find((e) => e.name === snapshot.name && e.client === ref.client && e.configFile === ref.configFile);
}

export function originOf(snapshot: ServerSnapshot): string {
  return snapshot.entry !== undefined ? `${snapshot.entry.client}:${snapshot.entry.configFile}` : snapshot.source;
}

/** Pins every snapshot; one that cannot be pinned becomes an `invalid` ScanError naming the server. */
export function pinCurrent(snapshots: readonly ServerSnapshot[], entries: readonly ServerEntry[] = []): { current: CurrentServer[]; errors: ScanError[] } {
  const current: CurrentServer[] = [];
  const errors: ScanError[] = [];
  for (const snapshot of snapshots) {
    const entry = entryOf(snapshot, entries);
    try {
      const launch = entry !== undefined ? launchIdentity(entry) : declaredIdentity(snapshot.launch);
      current.push({ server: pinServer(snapshot, launch), snapshot, origin: originOf(snapshot) });
    } catch (err) {
      if (!(err instanceof CanonicalFormError)) throw err;
      errors.push({
        kind: 'invalid',
        source: snapshot.entry?.configFile ?? snapshot.name,
        server: snapshot.name,
        ...(snapshot.entry?.client !== undefined ? { client: snapshot.entry.client } : {}),
        message: `cannot pin ${err.message}`,
      });
    }
  }
  return { current, errors };
}
