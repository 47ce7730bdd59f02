/**
 * @module cli/discovery-options
 * The flags that say where to look, shared by `scan` and `clients`.
 */
import { statSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CLIENT_IDS } from '../discovery/client-ids.js';

export interface DiscoveryFlags {
  home?: string;
  project: string[];
  client: string[];
  systemRoot?: string;
  platform?: NodeJS.Platform;
}

/** Validates a --client id; an unknown id is a usage error (exit 2) listing the valid ones. */
export function parseClient(value: string, previous: string[] = []): string[] {
  if (!CLIENT_IDS.includes(value)) throw new InvalidArgumentError(`unknown client "${value}"; valid ids: ${CLIENT_IDS.join(', ')}`);
  return [...previous, value];
}

/**
 * Validates a directory flag: a mistyped --home or --project would otherwise find no config and
 * report "no findings", a clean result for a scan of nothing. Usage error (exit 2) instead.
 */
export function existingDir(value: string): string {
  let isDir: boolean;
  try {
    isDir = statSync(value).isDirectory();
  } catch {
    throw new InvalidArgumentError(`no such directory: ${value}`);
  }
  if (!isDir) throw new InvalidArgumentError(`not a directory: ${value}`);
  return value;
}

function collectDir(value: string, previous: string[] = []): string[] {
  return [...previous, existingDir(value)];
}

const PLATFORMS = ['darwin', 'linux', 'win32'] as const;

export function addDiscoveryOptions(cmd: Command): Command {
  return cmd
    .option('--home <dir>', 'home directory to discover client configs in (default: your home); locations derive from it alone', existingDir)
    .option('-p, --project <dir>', 'also check project-scoped configs in this directory; repeatable', collectDir, [])
    .option('--client <id>', `only this client; repeatable (${CLIENT_IDS.join(', ')})`, parseClient, [])
    .option('--system-root <dir>', 'treat this directory as the file-system root for machine-wide (managed) configs, e.g. a mounted disk image', existingDir)
    .addOption(new Option('--platform <os>', 'lay out paths as on this OS (for tests with fixture homes)').choices(PLATFORMS).hideHelp());
}

/** The subset of flags discovery needs, without undefined keys. */
export function discoveryChoices(flags: DiscoveryFlags): { home?: string; projects: string[]; clients: string[]; systemRoot?: string; platform?: NodeJS.Platform } {
  return {
    ...(flags.home !== undefined ? { home: flags.home } : {}),
    projects: flags.project,
    clients: flags.client,
    ...(flags.systemRoot !== undefined ? { systemRoot: flags.systemRoot } : {}),
    ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
  };
}
