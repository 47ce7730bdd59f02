import type { Finding, ScanError, ScanReport, ServerEntry, ServerSnapshot, Severity } from '../model/index.js';
import { discover, discoverFiles, type DiscoveredFile } from '../discovery/discover.js';
import { discoveryEnv, type DiscoverySelection } from '../discovery/env.js';
import { configRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { redactDeep, redactReport, sensitiveValues } from '../report/index.js';
import { defaultStateDir } from '../store/paths.js';
import { buildReport } from './build-report.js';
import { analyzeDefinitions } from './analyze-definitions.js';
import { loadInventory } from './inventory.js';
import { serverEntry } from '../model/index.js';
import type { VetSettings } from './vet.js';
import type { LiveOptions, LiveOutcome } from './inspect.js';
import type { ProgressListener } from './progress.js';
import { checkIocHosts, loadIocForScan } from './ioc-hosts.js';
import { loadSuppressions, suppress, type SuppressionFiles } from './suppress.js';

export interface ScanOptions extends DiscoverySelection {
  failOn?: Severity;
  command?: string;
  /** Inventory files of captured tool definitions (--inventory); alone, they replace discovery. */
  inventories?: readonly string[];
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
  /**
   * Trust on first use: where the per-user store of approved snapshots lives (--state-dir; default:
   * the platform data dir of the scan's home). `false` (--no-state): neither compare nor record.
   */
  stateDir?: string | false;
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
  const inventoryOnly = (opts.inventories?.length ?? 0) > 0 && (opts.configFiles?.length ?? 0) === 0;
  const results = opts.configFiles && opts.configFiles.length > 0
    ? [await discoverFiles(opts.configFiles, env, forced)]
    : inventoryOnly ? [] : [await discover(env, opts.clients)];
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
  // Inventory files are read before anything is started: an invalid one is a usage error (exit 2).
  const inventories = await Promise.all((opts.inventories ?? []).map((f) => loadInventory(f)));
  // Loaded on demand: the MCP SDK and the sandbox are not needed (nor paid for) by a static scan.
  let live: LiveOutcome | undefined;
  if (opts.live) {
    opts.onProgress?.({ phase: 'inspecting servers live' });
    live = await (await import('./inspect.js')).inspectLive(entries, { ...opts.live, home: env.home, env: env.env, hideFiles: files.map((f) => f.path) });
    findings.push(...live.findings);
    errors.push(...live.errors);
  }
  // Tool and flow rules over every definition of this scan: captured (inventory files) and live.
  const snapshots = [...inventories.flatMap((inv) => inv.snapshots), ...(live?.snapshots ?? [])];
  if (snapshots.length > 0) opts.onProgress?.({ phase: 'analysing tool definitions' });
  const analysed = analyzeDefinitions(snapshots);
  findings.push(...analysed.findings);
  errors.push(...analysed.errors);
  // Servers known only from an inventory are listed in the report like declared ones.
  for (const inv of inventories) {
    for (const s of inv.snapshots) entries.push(serverEntry({ name: s.name, client: 'inventory', scope: 'inventory', configFile: inv.file, transport: inv.transports.get(s.name) ?? 'stdio' }));
  }
  // Hosts in server URLs, launch specs and everything the servers advertised (inventory, live),
  // looked up in the IoC feeds: local data, no network.
  const iocHosts = await checkIocHosts(entries, snapshots, ioc);
  findings.push(...iocHosts.findings);
  errors.push(...iocHosts.errors);
  // Drift against what was approved earlier. Only complete views are compared and recorded (a
  // server cut off mid-list would look like a rug pull, and would be stored as approved), and
  // values resolved from the environment never reach the store.
  const trusted = [...inventories.flatMap((inv) => inv.snapshots), ...(live ? redactDeep(live.snapshots.filter((s) => live.completeServers.has(s.name)), live.sensitive) : [])];
  const tofu = opts.stateDir !== false && trusted.length > 0
    ? await trustOnFirstUse(trusted, entries, opts.stateDir ?? defaultStateDir({ home: env.home, platform: env.platform, env: env.env }), startedAt)
    : undefined;
  if (tofu) {
    findings.push(...tofu.findings);
    errors.push(...tofu.errors);
  }
  const sensitive = [...sensitiveValues(entries), ...(live?.sensitive ?? [])];
  const suppressed = suppress(findings, suppression, { home: env.home, now: startedAt, sensitive });
  const report = buildReport({
    command: opts.command ?? 'scan',
    startedAt,
    entries,
    toolCounts: analysed.toolCounts,
    findings: suppressed.kept,
    errors,
    suppressed: suppressed.info?.findings.length ?? 0,
    notes: [...(live?.notes ?? []), ...(vetted?.notes ?? []), ...(tofu?.notes ?? [])],
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  if (suppressed.info) report.suppression = suppressed.info;
  if (vetted) report.packages = vetted.packages;
  opts.onProgress?.({ phase: 'done' });
  return { report: redactReport(report, sensitive), entries, files, ...(live ? { live } : {}) };
}

/**
 * The TOFU stage, loaded on demand (SQLite is not needed by a scan without definitions). A store
 * that cannot be opened or written is a skipped check (the scan is incomplete), never a crash.
 */
async function trustOnFirstUse(snapshots: readonly ServerSnapshot[], entries: readonly ServerEntry[], stateDir: string, now: Date): Promise<{ findings: Finding[]; errors: ScanError[]; notes: string[] }> {
  try {
    return (await import('./tofu.js')).tofuStage(snapshots, entries, { stateDir, record: true, now });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      findings: [],
      notes: [],
      errors: [{ kind: 'skipped', source: stateDir, message: `trust-on-first-use store in ${stateDir}: ${reason}; drift since earlier scans was not checked (choose another --state-dir, or --no-state)` }],
    };
  }
}
