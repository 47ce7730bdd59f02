import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { fingerprint, WardenError, WardenErrorCode, type Finding } from '../model/index.js';
import { VERSION } from '../version.js';

export const BASELINE_VERSION = 1;

export const BaselineEntrySchema = z.object({
  /** Portable fingerprint (see baselineKey). */
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  ruleId: z.string(),
  severity: z.string().optional(),
  server: z.string(),
  tool: z.string().optional(),
  file: z.string().optional(),
  message: z.string().optional(),
});

/** A baseline file: the findings accepted at one point in time, so CI fails only on new ones. */
export const BaselineSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  generatedBy: z.string().optional(),
  findings: z.array(BaselineEntrySchema),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/**
 * How a config path enters a baseline fingerprint: relative to the baseline file's directory when
 * inside it (a repository checked out anywhere gives the same key), `~/…` when inside the home
 * directory, else absolute. Separators are `/` on every OS.
 */
export function portablePath(file: string, baseDir: string, home: string): string {
  const inside = (root: string): string | undefined => {
    const rel = relative(root, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
  };
  const inBase = inside(baseDir);
  if (inBase !== undefined) return inBase;
  const inHome = inside(home);
  if (inHome !== undefined) return `~/${inHome}`;
  return file.split(sep).join('/');
}

/**
 * A finding's identity for baselines: Finding.fingerprint's parts (rule, message id, place, evidence;
 * never the line) with the file made portable, so moving a server within its file, or checking the
 * repository out elsewhere, keeps the key.
 */
export function baselineKey(f: Finding, baseDir: string, home: string): string {
  return fingerprint({
    ruleId: f.ruleId,
    messageId: f.messageId,
    file: f.location.file === undefined ? undefined : portablePath(f.location.file, baseDir, home),
    client: f.location.client,
    server: f.location.server,
    tool: f.location.tool,
    field: f.location.field,
    evidence: f.evidence,
  });
}

export interface LoadedBaseline {
  file: string;
  keys: Set<string>;
}

/** Reads a baseline file; a missing or malformed one is a usage error naming the file. */
export function readBaseline(file: string): LoadedBaseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new WardenError(WardenErrorCode.InvalidInput, `cannot read baseline ${file}: ${err instanceof Error ? err.message : String(err)}`, {
      hint: 'create one with --write-baseline FILE',
    });
  }
  const parsed = BaselineSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const at = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new WardenError(WardenErrorCode.InvalidInput, `invalid baseline ${file}${at}: ${first?.message ?? 'unknown problem'}`, {
      hint: `expected a baseline of version ${BASELINE_VERSION} written by --write-baseline`,
    });
  }
  return { file: resolve(file), keys: new Set(parsed.data.findings.map((e) => e.fingerprint)) };
}

/** The baseline for these findings, sorted by fingerprint so rewriting it gives small diffs. */
export function buildBaseline(findings: readonly Finding[], baseDir: string, home: string): Baseline {
  const byKey = new Map<string, Baseline['findings'][number]>();
  for (const f of findings) {
    const key = baselineKey(f, baseDir, home);
    byKey.set(key, {
      fingerprint: key,
      ruleId: f.ruleId,
      severity: f.severity,
      server: f.location.server,
      ...(f.location.tool !== undefined ? { tool: f.location.tool } : {}),
      ...(f.location.file !== undefined ? { file: portablePath(f.location.file, baseDir, home) } : {}),
      message: f.message,
    });
  }
  return {
    version: BASELINE_VERSION,
    generatedBy: `mcp-warden ${VERSION}`,
    findings: [...byKey.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
  };
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same directory, flushed, then renamed
 * over the target, so a reader (or a crash) never sees half a baseline.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new WardenError(WardenErrorCode.Io, `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
