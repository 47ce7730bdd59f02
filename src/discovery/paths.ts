import { join } from 'node:path';
import type { DiscoveryEnv } from './types.js';

/** Per-user application config directory: ~/Library/Application Support, %APPDATA%, $XDG_CONFIG_HOME. */
export function appConfigDir(env: DiscoveryEnv): string {
  switch (env.platform) {
    case 'darwin':
      return join(env.home, 'Library', 'Application Support');
    case 'win32':
      return env.env['APPDATA'] ?? join(env.home, 'AppData', 'Roaming');
    default:
      return env.env['XDG_CONFIG_HOME'] ?? join(env.home, '.config');
  }
}
