/**
 * @module store/paths
 * Where per-user state lives: the platform's data directory, never a project folder.
 */
import { join } from 'node:path';

export interface StateEnv {
  home: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * `$XDG_DATA_HOME/mcp-warden` (default `~/.local/share/mcp-warden`) on Linux and other Unixes,
 * `~/Library/Application Support/mcp-warden` on macOS, `%LOCALAPPDATA%\mcp-warden` on Windows.
 * An empty or relative XDG_DATA_HOME is ignored, as the XDG spec requires.
 */
export function defaultStateDir(e: StateEnv): string {
  switch (e.platform) {
    case 'darwin':
      return join(e.home, 'Library', 'Application Support', 'mcp-warden');
    case 'win32':
      return join(nonEmpty(e.env['LOCALAPPDATA']) ?? join(e.home, 'AppData', 'Local'), 'mcp-warden');
    default: {
      const xdg = nonEmpty(e.env['XDG_DATA_HOME']);
      return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(e.home, '.local', 'share'), 'mcp-warden');
    }
  }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
