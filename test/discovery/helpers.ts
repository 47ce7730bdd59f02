/**
 * Fixture homes for discovery tests: every test builds its own temp home (and a stand-in system
 * root, so the real /etc or /Library is never read) and runs discovery as a chosen OS would.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { ScanError, ServerEntry } from '../../src/model/index.js';
import { discover, discoverFile, type DiscoveryResult } from '../../src/discovery/discover.js';
import { discoveryEnv } from '../../src/discovery/env.js';
import type { Platform } from '../../src/discovery/types.js';

export const PLATFORMS: readonly Platform[] = ['darwin', 'linux', 'win32'];

export function tempDir(prefix = 'warden-home-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `files` (paths relative to `root`, `/`-separated) and returns `root`. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** The per-user application config folder, relative to the home, as each OS lays it out. */
export function appDir(platform: Platform): string {
  return platform === 'darwin' ? 'Library/Application Support' : platform === 'win32' ? 'AppData/Roaming' : '.config';
}

export interface ScanHomeOptions {
  platform?: Platform;
  projects?: string[];
  clients?: string[];
  env?: Record<string, string>;
  /** Default: `<home>/.system-root`, so machine-wide paths resolve inside the fixture. */
  systemRoot?: string;
}

export async function scanHome(home: string, opts: ScanHomeOptions = {}): Promise<DiscoveryResult> {
  const env = discoveryEnv({
    home,
    platform: opts.platform ?? 'linux',
    ...(opts.env ? { env: opts.env } : {}),
    projects: opts.projects ?? [],
    systemRoot: opts.systemRoot ?? join(home, '.system-root'),
  });
  return discover(env, opts.clients);
}

export async function scanFile(path: string, forcedClient?: string): Promise<DiscoveryResult> {
  return discoverFile(path, discoveryEnv({ home: tempDir() }), forcedClient);
}

/** 1-based line of the first line of `text` containing `needle` (after line `after`, if given). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found in fixture text`);
}

/** The one entry named `name` (fails the test if there is not exactly one). */
export function only(entries: readonly ServerEntry[], name: string): ServerEntry {
  const found = entries.filter((e) => e.name === name);
  expect(found.map((e) => `${e.name}@${e.configFile}`)).toHaveLength(1);
  return found[0] as ServerEntry;
}

export function names(entries: readonly ServerEntry[]): string[] {
  return entries.map((e) => e.name).sort();
}

/** Asserts a clean result (no errors), showing the errors when there are some. */
export function expectNoErrors(errors: readonly ScanError[]): void {
  expect(errors.map((e) => e.message)).toEqual([]);
}
