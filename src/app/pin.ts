/**
 * @module app/pin
 * The `pin` use-case: pin what servers advertise into a lockfile, check it for drift, accept
 * reviewed drift, sign and verify. No flag parsing, no printing: returns a report.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { statSync } from 'node:fs';
import {
  WardenError,
  WardenErrorCode,
  type Finding,
  type FindingLocation,
  type Lockfile,
  type ScanError,
  type ScanReport,
  type ServerEntry,
  type ServerSnapshot,
  type Severity,
} from '../model/index.js';
import { approve, firstPinHistory, historyFor, type Approver, type Selection } from '../pinning/approve.js';
import { changeTarget, diffPins, type DriftChange } from '../pinning/drift.js';
import { readLockfileText, withFileLock, writeFileAtomic } from '../pinning/file.js';
import { describeLaunch } from '../pinning/identity.js';
import { lockfileLocator, type LockfileList } from '../pinning/locate.js';
import { createLockfile, parseLockfile, serializeLockfile } from '../pinning/lockfile.js';
import { checkSignature, keyId, signLockfile, type SignatureStatus } from '../pinning/signature.js';
import { pinDriftRules, pinLockfileRules } from '../rules/index.js';
import { runPinRules, runSignatureRules } from '../rules/run-pin.js';
import { buildReport } from './build-report.js';
import { pinCurrent, type CurrentServer } from './pin-current.js';

/** What servers advertise now, with where each came from. */
export interface PinInputs {
  snapshots: readonly ServerSnapshot[];
  /** Declarations the snapshots were taken from (live), for launch identity and the report. */
  entries?: readonly ServerEntry[];
  /** Problems reading the inputs: the check is incomplete, and nothing is written. */
  errors?: readonly ScanError[];
  /** Inventory files read, for the report's server list. */
  files?: readonly string[];
}

export type PinMode =
  /** Create the lockfile if absent; if present, report drift and change nothing. */
  | 'pin'
  /** Report drift against the lockfile; change nothing. */
  | 'check'
  /** Accept drift (all, or the selection) into the lockfile, with history. */
  | 'update'
  /** No inputs: (re-)sign the existing lockfile as it is. */
  | 'sign'
  /** No inputs: check only the lockfile's integrity and signature. */
  | 'verify';

export interface PinOptions {
  lockfile: string;
  mode: PinMode;
  inputs?: PinInputs;
  selection?: Selection;
  /** Private key to sign with after writing (`--sign`). */
  signKey?: KeyObject;
  /** Trusted public keys (`--verify-key`); with any given, only their signatures are accepted. */
  verifyKeys?: readonly KeyObject[];
  /** Resolves who approves (called only when something is written). */
  approver: () => string;
  now?: Date;
  failOn?: Severity;
  command?: string;
}

export interface PinOutcome {
  report: ScanReport;
  /** True when the lockfile was written. */
  wrote: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Servers as the report lists them: the real declarations when known, else one row per snapshot source. */
function reportEntries(inputs: PinInputs | undefined, current: readonly CurrentServer[]): ServerEntry[] {
  const entries = inputs?.entries ?? [];
  return current.map(({ snapshot }) => {
    const declared = entries.find((e) => e.name === snapshot.name && snapshot.entry !== undefined && e.client === snapshot.entry.client && e.configFile === snapshot.entry.configFile);
    if (declared !== undefined) return declared;
    return {
      name: snapshot.name,
      client: snapshot.source,
      scope: 'inventory',
      configFile: snapshot.entry?.configFile ?? inputs?.files?.[0] ?? '',
      transport: /^https?:/i.test(snapshot.launch ?? '') ? 'http' : 'stdio',
      args: [],
      env: {},
      headers: {},
      disabled: false,
      fieldLines: {},
    } satisfies ServerEntry;
  });
}

/** Where a finding about a change points: the pinned entry in the lockfile, else the current source. */
function locator(lockfile: string, text: string | undefined, lock: Lockfile | undefined, current: readonly CurrentServer[]) {
  const where = text !== undefined && lock !== undefined ? lockfileLocator(text, lock) : undefined;
  const sourceOf = (name: string): FindingLocation => {
    const c = current.find((x) => x.server.name === name);
    const file = c?.snapshot.entry?.configFile;
    return { server: name, ...(file !== undefined ? { file } : {}), ...(c?.snapshot.entry?.line !== undefined ? { line: c.snapshot.entry.line } : {}) };
  };
  const listOf = (c: DriftChange): { list: LockfileList; key: string } | undefined => {
    switch (c.kind) {
      case 'tool-removed':
        return { list: 'tools', key: c.tool.name };
      case 'tool-renamed':
        return { list: 'tools', key: c.from.name };
      case 'tool-changed':
        return { list: 'tools', key: c.pinned.name };
      case 'item-removed':
      case 'item-changed':
        return { list: c.item === 'prompt' ? 'prompts' : c.item === 'resource' ? 'resources' : 'resourceTemplates', key: c.key };
      default:
        return undefined;
    }
  };
  return (c: DriftChange): FindingLocation => {
    if (c.kind === 'server-added' || lock === undefined) return sourceOf(c.server);
    const pinned = lock.servers.filter((s) => s.name === c.server);
    const launchHash = c.kind === 'server-removed' ? c.pinned.launch.hash : c.kind === 'server-identity-changed' ? c.pinned.hash : pinned.length === 1 ? pinned[0]?.launch.hash : undefined;
    const line = launchHash === undefined ? undefined : where?.line({ name: c.server, launchHash }, listOf(c));
    return { server: c.server, file: lockfile, ...(line !== undefined ? { line } : {}), ...(c.kind.startsWith('tool-') ? { tool: changeTarget(c).slice('tool:'.length) } : {}) };
  };
}

function signatureNote(status: SignatureStatus): string | undefined {
  if (status.status === 'valid' && status.trusted) return `lockfile signature by trusted key ${status.keyId} verified`;
  if (status.status === 'valid') return `lockfile signature by ${status.keyId} is intact, but no trusted key was given: pass --verify-key to check who signed it`;
  return undefined;
}

/** Signature findings: with trusted keys, anything but a valid trusted signature; without, only a broken one. */
function signatureFindings(lockfile: string, lock: Lockfile, trusted: readonly KeyObject[]): { findings: Finding[]; note?: string } {
  if (trusted.length === 0 && lock.signature === undefined) return { findings: [] };
  const status = checkSignature(lock, trusted);
  const note = signatureNote(status);
  return { findings: runSignatureRules(Object.values(pinLockfileRules), status, { file: lockfile, server: '' }), ...(note !== undefined ? { note } : {}) };
}

function readExisting(lockfile: string): { text: string; lock: Lockfile } | undefined {
  const text = readLockfileText(lockfile);
  return text === undefined ? undefined : { text, lock: parseLockfile(lockfile, text) };
}

function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    // Absent: a new file gets the default mode.
    return undefined;
  }
}

function writeLock(lockfile: string, lock: Lockfile): void {
  writeFileAtomic(lockfile, serializeLockfile(lock), fileMode(lockfile) ?? 0o644);
}

function approverOf(opts: PinOptions, now: Date): Approver {
  return { by: opts.approver(), at: now.toISOString() };
}

function describeAccepted(c: DriftChange): string {
  switch (c.kind) {
    case 'server-added':
      return `server "${c.server}" added (${plural(c.current.tools.length, 'tool')})`;
    case 'server-removed':
      return `server "${c.server}" removed`;
    case 'server-identity-changed':
      return `server "${c.server}" now launched as ${describeLaunch(c.current)}`;
    case 'tool-renamed':
      return `server "${c.server}": tool "${c.from.name}" renamed to "${c.to.name}"`;
    default:
      return `server "${c.server}": ${changeTarget(c)} (${c.kind})`;
  }
}

/** Runs `pin` in the given mode. Throws WardenError for usage problems and unusable lockfiles (exit 2). */
export async function runPin(opts: PinOptions): Promise<PinOutcome> {
  const startedAt = opts.now ?? new Date();
  const inputs = opts.inputs;
  const { current, errors: pinErrors } = pinCurrent(inputs?.snapshots ?? [], inputs?.entries ?? []);
  const errors: ScanError[] = [...(inputs?.errors ?? []), ...pinErrors];
  const findings: Finding[] = [];
  const notes: string[] = [];
  const servers = current.map((c) => c.server);
  let wrote = false;

  const finish = (): PinOutcome => ({
    report: buildReport({
      command: opts.command ?? `pin${opts.mode === 'pin' ? '' : ` --${opts.mode}`}`,
      startedAt,
      entries: reportEntries(inputs, current),
      toolCounts: new Map(current.map((c) => [c.server.name, c.server.tools.length])),
      findings,
      errors,
      notes,
      ...(opts.failOn !== undefined ? { failOn: opts.failOn } : {}),
    }),
    wrote,
  });

  /** Drift findings; pinned servers whose input failed to load are not reported as removed. */
  const driftFindings = (text: string | undefined, lock: Lockfile, changes: readonly DriftChange[]) => {
    // A server whose input failed is not "removed"; if a whole input file failed, none can be said to be.
    const failed = new Set(errors.map((e) => e.server).filter((s): s is string => s !== undefined));
    const wholeFileFailed = errors.some((e) => e.server === undefined);
    const shown = changes.filter((c) => !(c.kind === 'server-removed' && (wholeFileFailed || failed.has(c.server))));
    const ran = runPinRules(Object.values(pinDriftRules), shown, locator(opts.lockfile, text, lock, current));
    findings.push(...ran.findings);
    errors.push(...ran.errors);
  };

  if (opts.mode === 'verify' || opts.mode === 'check') {
    const existing = readExisting(opts.lockfile);
    if (existing === undefined) {
      throw new WardenError(WardenErrorCode.Usage, `${opts.lockfile}: no lockfile to ${opts.mode === 'check' ? 'check against' : 'verify'}`, {
        hint: 'create it with `mcp-warden pin --inventory <file>` and commit it',
      });
    }
    const sig = signatureFindings(opts.lockfile, existing.lock, opts.verifyKeys ?? []);
    findings.push(...sig.findings);
    if (sig.note !== undefined) notes.push(sig.note);
    if (opts.mode === 'check') {
      driftFindings(existing.text, existing.lock, diffPins(existing.lock.servers, servers, { reportAdded: true, reportRemoved: true }));
      if (findings.length === 0 && errors.length === 0) notes.push(`no drift: ${plural(servers.length, 'server')} match ${opts.lockfile}`);
    } else {
      notes.push(`checked the integrity${(opts.verifyKeys ?? []).length > 0 || existing.lock.signature !== undefined ? ' and signature' : ''} of ${opts.lockfile} only (no servers compared)`);
    }
    return finish();
  }

  await withFileLock(opts.lockfile, () => {
    const existing = readExisting(opts.lockfile);
    const now = startedAt;

    if (opts.mode === 'sign') {
      if (existing === undefined) throw new WardenError(WardenErrorCode.Usage, `${opts.lockfile}: no lockfile to sign`, { hint: 'create it with `mcp-warden pin --inventory <file>`' });
      if (opts.signKey === undefined) throw new WardenError(WardenErrorCode.Usage, 'nothing to do: give --sign <key>');
      const signed = signLockfile(existing.lock, opts.signKey);
      writeLock(opts.lockfile, signed);
      wrote = true;
      notes.push(`signed ${opts.lockfile} with ${signed.signature?.keyId ?? ''}`);
      return;
    }

    const sign = (lock: Lockfile): Lockfile => {
      if (opts.signKey !== undefined) {
        const signed = signLockfile(lock, opts.signKey);
        notes.push(`signed with ${signed.signature?.keyId ?? ''}`);
        return signed;
      }
      return lock;
    };

    if (existing === undefined) {
      if (errors.length > 0) {
        notes.push(`nothing written: the inputs are incomplete, and a lockfile pinned from them would miss what could not be read`);
        return;
      }
      if (servers.length === 0) throw new WardenError(WardenErrorCode.Usage, 'nothing to pin: the inputs list no servers');
      const lock = sign(createLockfile(servers, firstPinHistory(servers, approverOf(opts, now))));
      writeLock(opts.lockfile, lock);
      wrote = true;
      notes.push(`pinned ${plural(servers.length, 'server')} (${plural(servers.reduce((n, s) => n + s.tools.length, 0), 'tool')}) to ${opts.lockfile}`);
      return;
    }

    if (opts.mode === 'pin') {
      const changes = diffPins(existing.lock.servers, servers, { reportAdded: true, reportRemoved: true });
      driftFindings(existing.text, existing.lock, changes);
      if (changes.length > 0) {
        notes.push(`${opts.lockfile} not changed: review the drift above, then accept it with \`mcp-warden pin --update\` (or one server with --server)`);
        return;
      }
      const signer = opts.signKey;
      if (signer !== undefined) {
        const status = checkSignature(existing.lock, [createPublicKey(signer)]);
        if (status.status !== 'valid') {
          writeLock(opts.lockfile, sign(existing.lock));
          wrote = true;
          return;
        }
        notes.push(`already signed with ${keyId(createPublicKey(signer))}`);
      }
      notes.push(`up to date: ${plural(servers.length, 'server')} match ${opts.lockfile}`);
      return;
    }

    // update
    const sel = opts.selection ?? {};
    const incomplete = errors.some((e) => e.server === undefined || sel.server === undefined || e.server === sel.server);
    if (incomplete) {
      const changes = diffPins(existing.lock.servers, servers, { reportAdded: true, reportRemoved: true });
      driftFindings(existing.text, existing.lock, changes);
      notes.push(`${opts.lockfile} not changed: the inputs${sel.server !== undefined ? ` for server "${sel.server}"` : ''} are incomplete; fix the errors above first`);
      return;
    }
    if (sel.server !== undefined && !servers.some((s) => s.name === sel.server) && !existing.lock.servers.some((s) => s.name === sel.server)) {
      throw new WardenError(WardenErrorCode.Usage, `no server named "${sel.server}" in the inputs or in ${opts.lockfile}`);
    }
    const result = approve(existing.lock.servers, servers, sel);
    driftFindings(existing.text, existing.lock, result.pending);
    if (result.accepted.length === 0) {
      notes.push(sel.server !== undefined ? `nothing to accept for server "${sel.server}"${sel.tool !== undefined ? ` tool "${sel.tool}"` : ''}` : `up to date: nothing to accept`);
      if (opts.signKey === undefined) return;
    }
    const who = approverOf(opts, now);
    let lock: Lockfile = { ...createLockfile(result.servers, [...existing.lock.history, ...historyFor(result.accepted, who)]) };
    lock = sign(lock);
    if (opts.signKey === undefined && existing.lock.signature !== undefined) {
      notes.push(`the lockfile was signed by ${existing.lock.signature.keyId}; that signature no longer covers the new content and was removed: re-sign with --sign <key>`);
    }
    writeLock(opts.lockfile, lock);
    wrote = true;
    for (const c of result.accepted) notes.push(`accepted: ${describeAccepted(c)}`);
    if (result.pending.length > 0) notes.push(`${plural(result.pending.length, 'change')} not accepted (shown above)`);
  });
  return finish();
}
