import type { Finding, ScanError, ScanReport, ServerEntry, Severity } from '../model/index.js';
import { discover, discoverFiles, type DiscoveredFile } from '../discovery/discover.js';
import { discoveryEnv } from '../discovery/env.js';
import { configRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { redactReport, sensitiveValues } from '../report/index.js';
import { buildReport } from './build-report.js';
import type { VetSettings } from './vet.js';
import type { LiveOptions, LiveOutcome } from './inspect.js';
import type { ProgressListener } from './progress.js';
import { checkIocHosts, loadIocForScan } from './ioc-hosts.js';
import { loadSuppressions, suppress, type SuppressionFiles } from './suppress.js';

export interface ScanOptions {
  /** Home directory to discover from (defaults to the real one). */
  home?: string;
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  projects?: readonly string[];
  /** Stand-in for the file-system root when locating machine-wide (managed) configs (--system-root). */
  systemRoot?: string;
  /** Explicit config files (--config); when given, machine-wide discovery is skipped. */
  configFiles?: readonly string[];
  /** Narrow to these client ids (--client). */
  clients?: readonly string[];
  failOn?: Severity;
  command?: string;
  /** Baseline and project settings (ignores); see app/suppress.ts. */
  suppression?: SuppressionFiles;
  /** Told about each phase and each server checked (the CLI draws a progress line on a TTY). */
  onProgress?: ProgressListener;
  /** Extra IoC feeds (`--ioc`), added to the bundled one for the host lookups (and for --vet). */
  iocFiles?: readonly string[];
  /** `scan --vet`: also vet the packages behind the entries (network, unless offline). */
  vet?: VetSettings;
  /** Also connect to the servers (--live); home, environment and hidden files come from the scan. */
  live?: Omit<LiveOptions, 'home' | 'env' | 'hideFiles'>;
}

export interface ScanOutcome {
  report: ScanReport;
  entries: ServerEntry[];
  files: DiscoveredFile[];
  /** What live inspection saw, when --live was given. */
  live?: LiveOutcome;
}

/**
 * Scan: discover configs, run config rules, build the report. Starts nothing and sends nothing,
 * unless `live` is set: then each server is also inspected (with consent, sandboxed).
 */
export async function scan(opts: ScanOptions = {}): Promise<ScanOutcome> {
  const startedAt = new Date();
  // Settings and baseline are read first: a broken one is a usage error before any work is done.
  const suppression = loadSuppressions(opts.suppression ?? {});
  const ioc = loadIocForScan(opts.iocFiles ?? []);
  const env = discoveryEnv(opts);
  const entries: ServerEntry[] = [];
  const errors: ScanError[] = [];
  const files: DiscoveredFile[] = [];
  opts.onProgress?.({ phase: 'discovering client configs' });
  const forced = opts.clients?.length === 1 ? opts.clients[0] : undefined;
  const results = opts.configFiles && opts.configFiles.length > 0
    ? [await discoverFiles(opts.configFiles, env, forced)]
    : [await discover(env, opts.clients)];
  for (const r of results) {
    entries.push(...r.entries);
    errors.push(...r.errors);
    files.push(...r.files);
  }
  const modeByFile = new Map(files.map((f) => [f.path, f.mode]));
  const envNames = new Set(Object.keys(env.env).filter((k) => env.env[k] !== undefined));
  const findings: Finding[] = [];
  for (const [i, entry] of entries.entries()) {
    opts.onProgress?.({ phase: 'checking servers', done: i, total: entries.length, item: entry.name });
    const ruled = await runConfigRules(Object.values(configRules), [entry], () => {
      const fileMode = modeByFile.get(entry.configFile);
      return { home: env.home, platform: env.platform, envNames, ...(fileMode !== undefined ? { fileMode } : {}) };
    });
    findings.push(...ruled.findings);
    errors.push(...ruled.errors);
  }
  // Loaded only for --vet: the registry and Sigstore clients are heavy, and a plain scan needs neither.
  // config/unpinned-package already reports floating specs in a scan; vet's twin rule would repeat it.
  // The IoC host lookup below runs in every scan, so vet's own pass of that rule would repeat it.
  const vetted = opts.vet
    ? await (await import('./vet.js')).vetEntries(entries, { skipRules: ['supplychain/floating-version', 'supplychain/known-malicious-host'], ...(opts.iocFiles ? { iocFiles: opts.iocFiles } : {}), ...opts.vet })
    : undefined;
  if (vetted) {
    findings.push(...vetted.findings);
    errors.push(...vetted.errors);
  }
  // Loaded on demand: the MCP SDK and the sandbox are not needed (nor paid for) by a static scan.
  let live: LiveOutcome | undefined;
  if (opts.live) {
    opts.onProgress?.({ phase: 'inspecting servers live' });
    live = await (await import('./inspect.js')).inspectLive(entries, { ...opts.live, home: env.home, env: env.env, hideFiles: files.map((f) => f.path) });
    findings.push(...live.findings);
    errors.push(...live.errors);
  }
  // Hosts in server URLs, launch specs and (with --live) everything the servers advertised, looked up
  // in the IoC feeds: local data, no network.
  const iocHosts = await checkIocHosts(entries, live?.snapshots ?? [], ioc);
  findings.push(...iocHosts.findings);
  errors.push(...iocHosts.errors);
  const sensitive = [...sensitiveValues(entries), ...(live?.sensitive ?? [])];
  const suppressed = suppress(findings, suppression, { home: env.home, now: startedAt, sensitive });
  const report = buildReport({
    command: opts.command ?? 'scan',
    startedAt,
    entries,
    findings: suppressed.kept,
    errors,
    suppressed: suppressed.info?.findings.length ?? 0,
    ...(live ? { toolCounts: new Map(live.snapshots.map((s) => [s.name, s.tools.length])) } : {}),
    notes: [...(live?.notes ?? []), ...(vetted?.notes ?? [])],
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  if (suppressed.info) report.suppression = suppressed.info;
  if (vetted) report.packages = vetted.packages;
  opts.onProgress?.({ phase: 'done' });
  return { report: redactReport(report, sensitive), entries, files, ...(live ? { live } : {}) };
}
