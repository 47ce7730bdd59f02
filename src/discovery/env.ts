/**
 * @module discovery/env
 * Builds the DiscoveryEnv from command-line choices. With --home, locations derive from that home
 * alone (the caller's APPDATA, XDG_CONFIG_HOME, CODEX_HOME, … are ignored), so a fixture home or
 * another user's home is read the way its owner's clients would read it.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { DiscoveryEnv } from './types.js';

export interface DiscoveryEnvOptions {
  home?: string;
  platform?: NodeJS.Platform;
  /** Environment variables that move config folders; default: the process's, unless `home` is given. */
  env?: Readonly<Record<string, string | undefined>>;
  projects?: readonly string[];
  systemRoot?: string;
}

/** Where to look and what to keep: the discovery flags every command that reads configs shares. */
export interface DiscoverySelection extends DiscoveryEnvOptions {
  /** Explicit config files (--config); when given, machine-wide discovery is skipped. */
  configFiles?: readonly string[];
  /** Narrow to these client ids (--client). */
  clients?: readonly string[];
}

export function discoveryEnv(opts: DiscoveryEnvOptions = {}): DiscoveryEnv {
  return {
    home: opts.home !== undefined ? resolve(opts.home) : homedir(),
    platform: opts.platform ?? process.platform,
    env: opts.env ?? (opts.home !== undefined ? {} : process.env),
    projects: [...new Set((opts.projects ?? []).map((p) => resolve(p)))],
    ...(opts.systemRoot !== undefined ? { systemRoot: resolve(opts.systemRoot) } : {}),
  };
}
