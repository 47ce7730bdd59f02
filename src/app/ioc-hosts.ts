/**
 * @module app/ioc-hosts
 * The scan stage that looks up every host a server is reached at, launched with, or tells the model
 * about (tool definitions from --live or an inventory) in the bundled IoC feed plus `--ioc` feeds.
 * A lookup in local data: no network, so it runs in every scan, offline included.
 */
import { WardenError, WardenErrorCode, type Finding, type ScanError, type ServerEntry, type ServerSnapshot } from '../model/index.js';
import { toFinding } from '../rules/finding.js';
import knownMaliciousHost from '../rules/supplychain/known-malicious-host.js';
import type { VetRuleContext, VetSubject } from '../rules/supplychain/types.js';
import { IocFeedError, loadIocFeeds, type IocFeed } from '../supplychain/ioc.js';
import { loadPopularList } from '../supplychain/typosquat.js';

/** Loads the bundled feed and the user's; a malformed feed is invalid input (exit 2), named with its line. */
export function loadIocForScan(files: readonly string[]): IocFeed {
  try {
    return loadIocFeeds(files);
  } catch (err) {
    if (err instanceof IocFeedError) throw new WardenError(WardenErrorCode.InvalidInput, err.message, { hint: 'see docs/supply-chain.md for the IoC feed format' });
    throw err;
  }
}

/** The entry a snapshot was taken from: same name and, when the snapshot says, same client and file. */
function entryOf(snapshot: ServerSnapshot, entries: readonly ServerEntry[]): ServerEntry | undefined {
  const ref = snapshot.entry;
  return entries.find((e) => e.name === snapshot.name && (ref === undefined || (e.client === ref.client && e.configFile === ref.configFile)));
}

/** Runs supplychain/known-malicious-host over every entry, with its snapshot when one was captured. */
export async function checkIocHosts(entries: readonly ServerEntry[], snapshots: readonly ServerSnapshot[], ioc: IocFeed): Promise<{ findings: Finding[]; errors: ScanError[] }> {
  const ctx: VetRuleContext = { now: new Date(), popular: loadPopularList(), ioc, newVersionDays: 7 };
  const subjects: VetSubject[] = entries.map((entry) => ({ entry }));
  for (const snapshot of snapshots) {
    // A live snapshot belongs to the declaration it came from; an inventory one to its server's row.
    const entry = entryOf(snapshot, entries) ?? (snapshot.entry === undefined ? entries.find((e) => e.client === 'inventory' && e.name === snapshot.name) : undefined);
    const subject = entry ? subjects.find((s) => s.entry === entry) : undefined;
    if (subject) subject.snapshot = snapshot;
  }
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const s of subjects) {
    try {
      for (const report of await knownMaliciousHost.check(s, ctx)) {
        findings.push(toFinding(knownMaliciousHost.meta, report, { file: s.entry.configFile, line: report.line ?? s.entry.line, client: s.entry.client, server: s.entry.name }));
      }
    } catch (err) {
      errors.push({ kind: 'internal', source: s.entry.configFile, server: s.entry.name, client: s.entry.client, message: `rule ${knownMaliciousHost.meta.id} failed on server "${s.entry.name}": ${(err as Error).message}` });
    }
  }
  return { findings, errors };
}
