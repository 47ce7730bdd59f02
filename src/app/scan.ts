import { homedir } from 'node:os';
import type { ScanError, ScanReport, ServerEntry, Severity } from '../model/index.js';
import { discover, discoverFile, type DiscoveredFile } from '../discovery/discover.js';
import type { DiscoveryEnv } from '../discovery/types.js';
import { configRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { buildReport } from './build-report.js';
import { analyzeDefinitions } from './analyze-definitions.js';
import { loadInventory } from './inventory.js';
import { serverEntry } from '../model/index.js';

export interface ScanOptions {
  /** Home directory to discover from (defaults to the real one). */
  home?: string;
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  projects?: readonly string[];
  /** Explicit config files (--config); when given, machine-wide discovery is skipped. */
  configFiles?: readonly string[];
  /** Narrow to these client ids (--client). */
  clients?: readonly string[];
  failOn?: Severity;
  command?: string;
  /** Inventory files of captured tool definitions (--inventory); alone, they replace discovery. */
  inventories?: readonly string[];
}

export interface ScanOutcome {
  report: ScanReport;
  entries: ServerEntry[];
  files: DiscoveredFile[];
}

/** Static scan: discover configs, run config rules, build the report. Starts nothing, sends nothing. */
export async function scan(opts: ScanOptions = {}): Promise<ScanOutcome> {
  const startedAt = new Date();
  const env: DiscoveryEnv = {
    home: opts.home ?? homedir(),
    platform: opts.platform ?? process.platform,
    env: opts.env ?? process.env,
    projects: opts.projects ?? [],
  };
  const entries: ServerEntry[] = [];
  const errors: ScanError[] = [];
  const files: DiscoveredFile[] = [];
  const forced = opts.clients?.length === 1 ? opts.clients[0] : undefined;
  const inventoryOnly = (opts.inventories?.length ?? 0) > 0 && (opts.configFiles?.length ?? 0) === 0;
  const results = opts.configFiles && opts.configFiles.length > 0
    ? await Promise.all(opts.configFiles.map((f) => discoverFile(f, env, forced)))
    : inventoryOnly ? [] : [await discover(env, opts.clients)];
  for (const r of results) {
    entries.push(...r.entries);
    errors.push(...r.errors);
    files.push(...r.files);
  }
  const modeByFile = new Map(files.map((f) => [f.path, f.mode]));
  const ruled = await runConfigRules(Object.values(configRules), entries, (entry) => {
    const fileMode = modeByFile.get(entry.configFile);
    return { home: env.home, platform: env.platform, ...(fileMode !== undefined ? { fileMode } : {}) };
  });
  errors.push(...ruled.errors);
  // Captured definitions (inventory files): tool and flow rules. Invalid files throw (exit 2).
  const inventories = await Promise.all((opts.inventories ?? []).map((f) => loadInventory(f)));
  const snapshots = inventories.flatMap((inv) => inv.snapshots);
  const analysed = analyzeDefinitions(snapshots);
  errors.push(...analysed.errors);
  for (const inv of inventories) {
    for (const s of inv.snapshots) entries.push(serverEntry({ name: s.name, client: 'inventory', scope: 'inventory', configFile: inv.file, transport: inv.transports.get(s.name) ?? 'stdio' }));
  }
  const report = buildReport({
    command: opts.command ?? 'scan',
    startedAt,
    entries,
    toolCounts: analysed.toolCounts,
    findings: [...ruled.findings, ...analysed.findings],
    errors,
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  return { report, entries, files };
}
