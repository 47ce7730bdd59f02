/**
 * @module discovery/paths
 * Where per-user and machine-wide config directories live on each OS. Every function takes the
 * DiscoveryEnv, so a fixture home and a chosen platform reproduce any machine's layout.
 */
import { join } from 'node:path';
import type { DiscoveryEnv, Platform } from './types.js';

export function platformOf(env: DiscoveryEnv): Platform {
  return env.platform === 'darwin' || env.platform === 'win32' ? env.platform : 'linux';
}

/** A non-empty environment variable, or undefined. */
export function envVar(env: DiscoveryEnv, name: string): string | undefined {
  const v = env.env[name];
  return v !== undefined && v !== '' ? v : undefined;
}

/** `~/<parts>`. */
export function homePath(env: DiscoveryEnv, ...parts: string[]): string {
  return join(env.home, ...parts);
}

/** Windows %APPDATA% (Roaming). */
export function windowsAppData(env: DiscoveryEnv): string {
  return envVar(env, 'APPDATA') ?? join(env.home, 'AppData', 'Roaming');
}

/** `$XDG_CONFIG_HOME`, defaulting to `~/.config` (used on every OS by CLIs built on XDG libraries). */
export function xdgConfigHome(env: DiscoveryEnv): string {
  return envVar(env, 'XDG_CONFIG_HOME') ?? join(env.home, '.config');
}

/** Per-user application config directory: ~/Library/Application Support, %APPDATA%, $XDG_CONFIG_HOME. */
export function appConfigDir(env: DiscoveryEnv): string {
  switch (platformOf(env)) {
    case 'darwin':
      return join(env.home, 'Library', 'Application Support');
    case 'win32':
      return windowsAppData(env);
    case 'linux':
      return xdgConfigHome(env);
  }
}

function systemRoot(env: DiscoveryEnv): string {
  return env.systemRoot ?? '/';
}

/** `/etc` (under --system-root when given). */
export function etcDir(env: DiscoveryEnv): string {
  return join(systemRoot(env), 'etc');
}

/** macOS machine-wide `/Library/Application Support`. */
export function macSystemSupportDir(env: DiscoveryEnv): string {
  return join(systemRoot(env), 'Library', 'Application Support');
}

/** Windows `C:\ProgramData` (or `<system-root>/ProgramData`). */
export function programDataDir(env: DiscoveryEnv): string {
  if (env.systemRoot !== undefined) return join(env.systemRoot, 'ProgramData');
  return envVar(env, 'ProgramData') ?? envVar(env, 'PROGRAMDATA') ?? 'C:\\ProgramData';
}

/** Windows `C:\Program Files` (or `<system-root>/Program Files`). */
export function programFilesDir(env: DiscoveryEnv): string {
  if (env.systemRoot !== undefined) return join(env.systemRoot, 'Program Files');
  return envVar(env, 'ProgramFiles') ?? envVar(env, 'PROGRAMFILES') ?? 'C:\\Program Files';
}

/** A VS Code-family editor's per-user `User` directory (settings.json, mcp.json, globalStorage). */
export interface EditorHost {
  /** Folder name under the app config dir, e.g. `Code - Insiders`. */
  folder: string;
  label: string;
  userDir: string;
}

/** VS Code and its builds that read `User/mcp.json` and `settings.json` `mcp`. */
const VSCODE_BUILDS: ReadonlyArray<[folder: string, label: string]> = [
  ['Code', 'VS Code'],
  ['Code - Insiders', 'VS Code Insiders'],
  ['VSCodium', 'VSCodium'],
];

/** Forks that also host VS Code extensions such as Cline, Roo Code and Kilo Code. */
const EXTENSION_HOSTS: ReadonlyArray<[folder: string, label: string]> = [
  ...VSCODE_BUILDS,
  ['Cursor', 'Cursor'],
  ['Windsurf', 'Windsurf'],
  ['Kiro', 'Kiro'],
  ['Antigravity', 'Antigravity'],
  ['Trae', 'Trae'],
];

/** Remote-development servers keep a `data/User` directory in the home of the remote (Linux) host. */
const REMOTE_SERVERS: ReadonlyArray<[folder: string, label: string]> = [
  ['.vscode-server', 'VS Code Server (remote)'],
  ['.vscode-server-insiders', 'VS Code Insiders Server (remote)'],
  ['.cursor-server', 'Cursor Server (remote)'],
  ['.windsurf-server', 'Windsurf Server (remote)'],
];

function hosts(env: DiscoveryEnv, local: ReadonlyArray<[string, string]>, remote: ReadonlyArray<[string, string]>): EditorHost[] {
  const out = local.map(([folder, label]) => ({ folder, label, userDir: join(appConfigDir(env), folder, 'User') }));
  if (platformOf(env) !== 'win32') {
    for (const [folder, label] of remote) out.push({ folder, label, userDir: join(env.home, folder, 'data', 'User') });
  }
  return out;
}

/** VS Code builds (stable, Insiders, VSCodium) plus their remote servers. */
export function vscodeHosts(env: DiscoveryEnv): EditorHost[] {
  return hosts(env, VSCODE_BUILDS, REMOTE_SERVERS.filter(([f]) => f.startsWith('.vscode')));
}

/** Every editor that can host a VS Code extension (for extension globalStorage). */
export function extensionHosts(env: DiscoveryEnv): EditorHost[] {
  return hosts(env, EXTENSION_HOSTS, REMOTE_SERVERS);
}

/**
 * The `settings` folder a VS Code extension keeps in each host's globalStorage, as directory
 * candidates matching `*mcp_settings.json` (Cline writes `cline_mcp_settings.json`, Roo Code and
 * Kilo Code `mcp_settings.json`).
 */
export function extensionSettingsDirs(env: DiscoveryEnv, extensionId: string): Array<{ dir: string; match: RegExp; glob: string; depth: number; scope: 'user'; label: string }> {
  return extensionHosts(env).map((h) => ({
    dir: join(h.userDir, 'globalStorage', extensionId, 'settings'),
    match: /^[^/]*mcp_settings\.json$/,
    glob: '*mcp_settings.json',
    depth: 1,
    scope: 'user' as const,
    label: `${h.label} extension storage`,
  }));
}
