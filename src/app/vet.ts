/**
 * @module app/vet
 * The `vet` use-case: for every server entry, resolve the package its launch spec installs, ask the
 * registries what a careful reviewer would (only when the user runs vet; `--offline` asks only the
 * cache), and run the supply-chain rules. Everything that could not be checked is a ScanError, so an
 * incomplete vet is never reported as clean; the notes say which hosts were contacted.
 */
import {
  WardenError,
  WardenErrorCode,
  type Finding,
  type PackageSummary,
  type ScanError,
  type ScanReport,
  type ServerEntry,
  type ServerSnapshot,
  type Severity,
} from '../model/index.js';
import { discover, discoverFiles } from '../discovery/discover.js';
import { discoveryEnv, type DiscoverySelection } from '../discovery/env.js';
import { redactReport, sensitiveValues } from '../report/index.js';
import { toFinding } from '../rules/finding.js';
import { supplyChainRules } from '../rules/supplychain/index.js';
import type { VetRuleContext, VetSubject } from '../rules/supplychain/types.js';
import { defaultCacheDir } from '../supplychain/cache-dir.js';
import { collectFacts } from '../supplychain/collect.js';
import { resolveEndpoints, type RegistryEndpoints } from '../supplychain/endpoints.js';
import type { PackageFacts } from '../supplychain/facts.js';
import { RegistryHttp } from '../supplychain/http.js';
import type { TagNames } from '../supplychain/github-tags.js';
import { IocFeedError, loadIocFeeds } from '../supplychain/ioc.js';
import { refLabel, type PackageRef } from '../supplychain/package-ref.js';
import { resolveLaunchSpec } from '../supplychain/launch-spec.js';
import { bundledTrustRoot, trustRootFromFile, type LoadedTrustRoot } from '../supplychain/trust-root.js';
import { loadPopularList } from '../supplychain/typosquat.js';
import { VERSION } from '../version.js';
import { buildReport } from './build-report.js';

/** Environment variable holding a GitHub token for the tags lookups (optional; raises the rate limit). */
export const GITHUB_TOKEN_ENV = 'MCP_WARDEN_GITHUB_TOKEN';

export interface VetSettings {
  /** Answer only from the cache; open no socket. */
  offline?: boolean;
  /** Registry response cache (default: the platform cache dir, see supplychain/cache-dir.ts). */
  cacheDir?: string;
  /** Registry base URLs; unset ones come from the environment, then the public defaults. */
  endpoints?: Partial<RegistryEndpoints>;
  /** Extra IoC feeds (`--ioc`), merged with the bundled one. */
  iocFiles?: readonly string[];
  /** A Sigstore trusted_root.json to verify provenance with, instead of the bundled public-good root. */
  trustedRoot?: string;
  /** Releases younger than this are reported (default 7 days). */
  newVersionDays?: number;
  /** Per-request timeout (default 20 s). */
  timeoutMs?: number;
  /** Clock, for tests. */
  now?: Date;
  /** Server snapshots (tool definitions), matched to entries by server name, for host IoCs in descriptions. */
  snapshots?: readonly ServerSnapshot[];
  /** Supply-chain rule ids not to run (scan --vet skips what a config rule already reports). */
  skipRules?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

export interface VetOptions extends VetSettings, DiscoverySelection {
  failOn?: Severity;
  command?: string;
}

export interface VetResult {
  findings: Finding[];
  errors: ScanError[];
  notes: string[];
  packages: PackageSummary[];
}

/** Loads everything vet needs before the first request; bad user input is a usage error (exit 2). */
function prepare(settings: VetSettings): { endpoints: RegistryEndpoints; ctx: VetRuleContext; trust: LoadedTrustRoot; cacheDir: string } {
  let endpoints: RegistryEndpoints;
  try {
    endpoints = resolveEndpoints(settings.endpoints, settings.env ?? process.env);
  } catch (err) {
    throw new WardenError(WardenErrorCode.Usage, (err as Error).message);
  }
  let ioc;
  try {
    ioc = loadIocFeeds(settings.iocFiles ?? []);
  } catch (err) {
    if (err instanceof IocFeedError) throw new WardenError(WardenErrorCode.InvalidInput, err.message, { hint: 'see docs/supply-chain.md for the IoC feed format' });
    throw err;
  }
  let trust: LoadedTrustRoot;
  try {
    trust = settings.trustedRoot !== undefined ? trustRootFromFile(settings.trustedRoot) : bundledTrustRoot();
  } catch (err) {
    throw new WardenError(WardenErrorCode.InvalidInput, (err as Error).message);
  }
  const days = settings.newVersionDays ?? 7;
  if (!Number.isFinite(days) || days < 0) throw new WardenError(WardenErrorCode.Usage, `--new-version-days must be a non-negative number, got ${days}`);
  return {
    endpoints,
    trust,
    cacheDir: settings.cacheDir ?? defaultCacheDir(settings.env ?? process.env),
    ctx: { now: settings.now ?? new Date(), popular: loadPopularList(), ioc, newVersionDays: days },
  };
}

function refKey(ref: PackageRef): string {
  return `${ref.ecosystem}\u0000${ref.source}\u0000${ref.name}\u0000${ref.requested ?? ''}\u0000${ref.localDir ?? ''}`;
}

function summary(entry: ServerEntry, ref: PackageRef, facts: PackageFacts): PackageSummary {
  return {
    server: entry.name,
    client: entry.client,
    ecosystem: ref.ecosystem,
    name: ref.name,
    ...(ref.requested !== undefined ? { requested: ref.requested } : {}),
    pinned: ref.pinned,
    source: ref.source,
    ...(facts.resolvedVersion !== undefined ? { resolved: facts.resolvedVersion } : {}),
    ...(facts.latestVersion !== undefined ? { latest: facts.latestVersion } : {}),
    ...(facts.publishedAt !== undefined ? { publishedAt: facts.publishedAt } : {}),
    provenance: facts.provenance.status,
    ...(facts.provenance.repository !== undefined ? { provenanceRepository: facts.provenance.repository } : {}),
    ...(facts.registry !== undefined ? { registry: facts.registry } : {}),
  };
}

/** One line per package for the report notes: what runs, and whether its provenance verified. */
function packageNote(ref: PackageRef, facts: PackageFacts): string {
  const spec = ref.pinned ? `pinned ${refLabel(ref)}` : `floating ${refLabel(ref)}`;
  if (!facts.found) return `${ref.ecosystem} ${ref.name}: ${spec}, not found on ${facts.registry ?? 'the registry'}`;
  const parts = [`${ref.ecosystem} ${ref.name}: ${spec}`];
  if (facts.resolvedVersion !== undefined && ref.ecosystem !== 'oci') parts.push(`resolves to ${facts.resolvedVersion} today${facts.latestVersion && facts.latestVersion !== facts.resolvedVersion ? ` (latest ${facts.latestVersion})` : ''}`);
  if (facts.resolvedDigest !== undefined) parts.push(`tag points at ${facts.resolvedDigest} today`);
  if (facts.publishedAt) parts.push(`published ${facts.publishedAt}`);
  const p = facts.provenance;
  if (p.status === 'verified') parts.push(`provenance VERIFIED (Sigstore): built from ${p.repository ?? 'an unnamed repository'}${p.workflow ? ` by ${p.workflow}` : ''}`);
  else if (p.status === 'absent') parts.push('no provenance');
  else if (p.status === 'invalid') parts.push(`provenance INVALID: ${p.reason ?? ''}`);
  const t = facts.repositoryTags;
  if (t?.status === 'repo-not-found') parts.push(`repository ${t.repository} not found on GitHub (private, renamed or deleted): version not compared with its tags`);
  else if (t) parts.push(t.matchingTag !== undefined ? `tagged ${t.matchingTag} in ${t.repository}` : t.newestTag !== undefined ? `no tag for this version in ${t.repository} (newest release tag ${t.newestTag})` : `${t.repository} has no release tags (${t.count} tag(s) read)`);
  else if (facts.repository !== undefined && facts.found && !facts.repository.startsWith('github.com/') && (ref.ecosystem === 'npm' || ref.ecosystem === 'pypi')) parts.push(`version not compared with tags (${facts.repository.split('/')[0] ?? ''} is not GitHub)`);
  return parts.join(', ');
}

/**
 * Vets the packages behind `entries`. Network is used only here, only for registries, and every
 * host used is reported in the notes.
 */
export async function vetEntries(entries: readonly ServerEntry[], settings: VetSettings = {}): Promise<VetResult> {
  const { endpoints, ctx, trust, cacheDir } = prepare(settings);
  const http = new RegistryHttp({ cacheDir, offline: settings.offline === true, ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}), userAgent: `mcp-warden/${VERSION} (vet)` });
  const snapshots = new Map((settings.snapshots ?? []).map((s) => [s.name, s]));
  const cache = new Map<string, Promise<PackageFacts>>();
  const token = (settings.env ?? process.env)[GITHUB_TOKEN_ENV];
  const github = { http, base: endpoints.github, memo: new Map<string, Promise<TagNames>>(), ...(token ? { token } : {}) };
  const result: VetResult = { findings: [], errors: [], notes: [], packages: [] };
  const lines: string[] = [];

  const subjects = await Promise.all(
    entries.map(async (entry): Promise<VetSubject> => {
      const subject: VetSubject = { entry };
      const snapshot = snapshots.get(entry.name);
      if (snapshot) subject.snapshot = snapshot;
      const ref = resolveLaunchSpec(entry);
      if (!ref) return subject;
      subject.ref = ref;
      const key = refKey(ref);
      let pending = cache.get(key);
      if (!pending) {
        pending = collectFacts(ref, { http, endpoints, trust, github });
        cache.set(key, pending);
      }
      subject.facts = await pending;
      return subject;
    }),
  );

  for (const s of subjects) {
    const { entry, ref, facts } = s;
    if (ref && facts) {
      result.packages.push(summary(entry, ref, facts));
      lines.push(`${entry.name}: ${packageNote(ref, facts)}`);
      for (const u of facts.unchecked) {
        result.errors.push({
          kind: u.check === 'registry' && !http.offline ? 'connect' : 'skipped',
          source: entry.configFile,
          server: entry.name,
          client: entry.client,
          message: `vet: ${entry.name}: ${refLabel(ref)}: ${u.check} not checked: ${u.reason}`,
        });
      }
    }
    for (const rule of Object.values(supplyChainRules)) {
      if (settings.skipRules?.includes(rule.meta.id)) continue;
      try {
        for (const report of await rule.check(s, ctx)) {
          result.findings.push(toFinding(rule.meta, report, { file: entry.configFile, line: report.line ?? entry.line, client: entry.client, server: entry.name }));
        }
      } catch (err) {
        result.errors.push({ kind: 'internal', source: entry.configFile, server: entry.name, client: entry.client, message: `rule ${rule.meta.id} failed on server "${entry.name}": ${(err as Error).message}` });
      }
    }
  }

  const hosts = http.hosts();
  if (http.offline) result.notes.push(`vet network: none (--offline); ${hosts.reduce((n, h) => n + h.cached, 0)} answer(s) from the cache in ${cacheDir}`);
  else if (hosts.length === 0) result.notes.push('vet network: no registry was contacted (no package to look up)');
  else result.notes.push(`vet network: contacted ${hosts.map((h) => `${h.host} (${h.network} request${h.network === 1 ? '' : 's'}${h.cached ? `, ${h.cached} from cache` : ''})`).join(', ')}`);
  result.notes.push(`vet provenance trust root: ${trust.source}`);
  result.notes.push(`vet data: typosquat list of ${ctx.popular.packages.length} packages (${ctx.popular.date}); IoC feeds: ${ctx.ioc.sources.map((f) => (f.endsWith('data/ioc-feed.json') ? 'bundled' : f)).join(', ')}`);
  result.notes.push(...lines);
  return result;
}

/** `mcp-warden vet`: discover servers (like scan), then vet them. */
export async function vet(opts: VetOptions = {}): Promise<{ report: ScanReport; entries: ServerEntry[] }> {
  const startedAt = new Date();
  const env = discoveryEnv(opts);
  const forced = opts.clients?.length === 1 ? opts.clients[0] : undefined;
  const discovered = opts.configFiles && opts.configFiles.length > 0 ? [await discoverFiles(opts.configFiles, env, forced)] : [await discover(env, opts.clients)];
  const entries = discovered.flatMap((d) => d.entries);
  const errors = discovered.flatMap((d) => d.errors);
  const vetted = await vetEntries(entries, opts);
  const report = buildReport({
    command: opts.command ?? 'vet',
    startedAt,
    entries,
    findings: vetted.findings,
    errors: [...errors, ...vetted.errors],
    notes: vetted.notes,
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  report.packages = vetted.packages;
  return { report: redactReport(report, sensitiveValues(entries)), entries };
}
