import { homedir } from 'node:os';
import type { ScanError, ScanReport, ServerEntry, Severity } from '../model/index.js';
import { discover, discoverFile, type DiscoveredFile } from '../discovery/discover.js';
import type { DiscoveryEnv } from '../discovery/types.js';
import { configRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { buildReport } from './build-report.js';
import type { VetSettings } from './vet.js';

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
  /** `scan --vet`: also vet the packages behind the entries (network, unless offline). */
  vet?: VetSettings;
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
  const results = opts.configFiles && opts.configFiles.length > 0
    ? await Promise.all(opts.configFiles.map((f) => discoverFile(f, env, forced)))
    : [await discover(env, opts.clients)];
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
  // Loaded only for --vet: the registry and Sigstore clients are heavy, and a plain scan needs neither.
  const vetted = opts.vet ? await (await import('./vet.js')).vetEntries(entries, opts.vet) : undefined;
  const report = buildReport({
    command: opts.command ?? 'scan',
    startedAt,
    entries,
    findings: [...ruled.findings, ...(vetted?.findings ?? [])],
    errors: [...errors, ...(vetted?.errors ?? [])],
    ...(vetted ? { notes: vetted.notes } : {}),
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  if (vetted) report.packages = vetted.packages;
  return { report, entries, files };
}
