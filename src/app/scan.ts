import { homedir } from 'node:os';
import type { ScanError, ScanReport, ServerEntry, Severity } from '../model/index.js';
import { discover, discoverFile, type DiscoveredFile } from '../discovery/discover.js';
import type { DiscoveryEnv } from '../discovery/types.js';
import { configRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { buildReport } from './build-report.js';
import type { LiveOptions, LiveOutcome } from './inspect.js';

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
  const findings = [...ruled.findings];
  // Loaded on demand: the MCP SDK and the sandbox are not needed (nor paid for) by a static scan.
  const live = opts.live ? await (await import('./inspect.js')).inspectLive(entries, { ...opts.live, home: env.home, env: env.env, hideFiles: files.map((f) => f.path) }) : undefined;
  if (live) {
    findings.push(...live.findings);
    errors.push(...live.errors);
  }
  const report = buildReport({
    command: opts.command ?? 'scan',
    startedAt,
    entries,
    findings,
    errors,
    ...(live ? { toolCounts: new Map(live.snapshots.map((s) => [s.name, s.tools.length])), notes: live.notes } : {}),
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
  });
  return { report, entries, files, ...(live ? { live } : {}) };
}
