import { resolve } from 'node:path';
import type { Finding, SuppressionInfo } from '../model/index.js';
import { redactDeep } from '../report/index.js';
import { allRuleMetas } from '../rules/index.js';
import { applySuppressions } from '../suppress/apply.js';
import { buildBaseline, readBaseline, writeBaseline, type LoadedBaseline } from '../suppress/baseline.js';
import { findSettingsFile, loadSettings, type LoadedSettings } from '../suppress/settings.js';

export interface SuppressionFiles {
  /** Directory searched for `.mcp-warden.yaml` when `settingsFile` is not given (the CLI passes its cwd; no search without it). */
  cwd?: string;
  /** Explicit settings file (--settings / --ignore-file). */
  settingsFile?: string;
  /** Skip the settings lookup in `cwd`. */
  noSettings?: boolean;
  /** Suppress the findings recorded in this baseline (--baseline). */
  baselineFile?: string;
  /** Record the current findings (after ignores) in this baseline file (--write-baseline). */
  writeBaselineFile?: string;
}

export interface LoadedSuppressions {
  settings?: LoadedSettings;
  baseline?: LoadedBaseline;
  writeBaselineFile?: string;
}

/** Reads the settings and baseline files; any problem is a usage error naming the file (and line). */
export function loadSuppressions(files: SuppressionFiles): LoadedSuppressions {
  const out: LoadedSuppressions = {};
  const settingsFile =
    files.noSettings || files.cwd === undefined ? files.settingsFile : findSettingsFile(files.cwd, files.settingsFile);
  if (settingsFile !== undefined) out.settings = loadSettings(resolve(settingsFile), allRuleMetas().map((m) => m.id));
  if (files.baselineFile !== undefined) out.baseline = readBaseline(files.baselineFile);
  if (files.writeBaselineFile !== undefined) out.writeBaselineFile = resolve(files.writeBaselineFile);
  return out;
}

/**
 * Applies ignores, then (optionally) writes the baseline of what remains, then applies the baseline:
 * the one given with --baseline, else the one just written (so `--write-baseline` accepts the
 * current state and exits 0 unless the scan was incomplete).
 */
export function suppress(
  findings: readonly Finding[],
  loaded: LoadedSuppressions,
  ctx: { home: string; now: Date; sensitive?: readonly string[] },
): { kept: Finding[]; info?: SuppressionInfo } {
  if (!loaded.settings && !loaded.baseline && !loaded.writeBaselineFile) return { kept: [...findings] };
  const afterIgnores = applySuppressions(findings, { ...(loaded.settings ? { settings: loaded.settings } : {}), now: ctx.now, home: ctx.home });
  let baseline = loaded.baseline;
  if (loaded.writeBaselineFile !== undefined) {
    const written = buildBaseline(afterIgnores.kept, resolve(loaded.writeBaselineFile, '..'), ctx.home);
    // Redacted like every output: a baseline is committed to repositories.
    writeBaseline(loaded.writeBaselineFile, { ...written, findings: redactDeep(written.findings, ctx.sensitive ?? []) });
    baseline ??= { file: loaded.writeBaselineFile, keys: new Set(written.findings.map((e) => e.fingerprint)) };
  }
  const afterBaseline = applySuppressions(afterIgnores.kept, { ...(baseline ? { baseline } : {}), now: ctx.now, home: ctx.home });
  const info: SuppressionInfo = {
    ignores: afterIgnores.info.ignores,
    findings: [...afterIgnores.info.findings, ...afterBaseline.info.findings],
  };
  if (afterIgnores.info.settingsFile) info.settingsFile = afterIgnores.info.settingsFile;
  if (afterBaseline.info.baselineFile) info.baselineFile = afterBaseline.info.baselineFile;
  return { kept: afterBaseline.kept, info };
}
