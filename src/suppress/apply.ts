import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { Finding, IgnoreStatus, SuppressedFinding, SuppressionInfo } from '../model/index.js';
import { baselineKey, type LoadedBaseline } from './baseline.js';
import type { LoadedIgnore, LoadedSettings } from './settings.js';

const GLOB = { dot: true, nocomment: true, nonegate: true } as const;

/** True when `until` (a YYYY-MM-DD, inclusive, UTC) is before `now`'s date. */
export function isExpired(until: string | undefined, now: Date): boolean {
  return until !== undefined && now.toISOString().slice(0, 10) > until;
}

function fileMatches(pattern: string, file: string | undefined, settingsDir: string, home: string): boolean {
  if (file === undefined) return false;
  const posixFile = file.split(sep).join('/');
  if (pattern.startsWith('~/')) return minimatch(posixFile, join(home, pattern.slice(2)).split(sep).join('/'), GLOB);
  if (isAbsolute(pattern)) return minimatch(posixFile, pattern.split(sep).join('/'), GLOB);
  const rel = relative(settingsDir, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  return minimatch(rel.split(sep).join('/'), pattern, GLOB);
}

/** Whether an ignore covers a finding: every field it gives must match. */
export function ignoreMatches(ig: LoadedIgnore, f: Finding, settingsDir: string, home: string): boolean {
  const glob = (pattern: string | undefined, value: string | undefined): boolean =>
    pattern === undefined || (value !== undefined && minimatch(value, pattern, GLOB));
  return (
    glob(ig.rule, f.ruleId) &&
    glob(ig.server, f.location.server) &&
    glob(ig.tool, f.location.tool) &&
    glob(ig.client, f.location.client) &&
    (ig.file === undefined || fileMatches(ig.file, f.location.file, settingsDir, home))
  );
}

export interface SuppressOptions {
  settings?: LoadedSettings;
  baseline?: LoadedBaseline;
  /** Date ignores are checked against (`until`). */
  now: Date;
  home?: string;
}

export interface SuppressOutcome {
  kept: Finding[];
  info: SuppressionInfo;
}

/**
 * Splits findings into those reported and those suppressed, first by the settings' ignores (each
 * records its reason), then by the baseline. Expired ignores no longer apply; ignores that matched
 * nothing are marked unused so they can be removed before they hide a future problem.
 */
export function applySuppressions(findings: readonly Finding[], opts: SuppressOptions): SuppressOutcome {
  const home = opts.home ?? homedir();
  const ignores = opts.settings?.ignores ?? [];
  const settingsDir = opts.settings ? dirname(opts.settings.file) : '';
  const counts = ignores.map(() => 0);
  const active = ignores.map((ig) => !isExpired(ig.until, opts.now));
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const base = (f: Finding): Omit<SuppressedFinding, 'by'> => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    severity: f.severity,
    server: f.location.server,
    ...(f.location.tool !== undefined ? { tool: f.location.tool } : {}),
    ...(f.location.file !== undefined ? { file: f.location.file } : {}),
  });
  for (const f of findings) {
    const i = ignores.findIndex((ig, k) => active[k] && ignoreMatches(ig, f, settingsDir, home));
    const ig = ignores[i];
    if (ig) {
      counts[i]!++;
      suppressed.push({ ...base(f), by: 'ignore', reason: ig.reason, ...(ig.line !== undefined ? { ignoreLine: ig.line } : {}) });
      continue;
    }
    if (opts.baseline && opts.baseline.keys.has(baselineKey(f, dirname(opts.baseline.file), home))) {
      suppressed.push({ ...base(f), by: 'baseline' });
      continue;
    }
    kept.push(f);
  }
  const statuses: IgnoreStatus[] = ignores.map((ig, k) => ({
    rule: ig.rule,
    reason: ig.reason,
    ...(ig.line !== undefined ? { line: ig.line } : {}),
    ...(ig.until !== undefined ? { until: ig.until } : {}),
    status: !active[k] ? 'expired' : counts[k]! > 0 ? 'applied' : 'unused',
    suppressed: counts[k]!,
  }));
  const info: SuppressionInfo = { ignores: statuses, findings: suppressed };
  if (opts.settings) info.settingsFile = opts.settings.file;
  if (opts.baseline) info.baselineFile = opts.baseline.file;
  return { kept, info };
}
