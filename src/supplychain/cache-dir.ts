/**
 * @module supplychain/cache-dir
 * Where `vet` keeps registry responses: the platform's per-user cache directory, so `--offline` can
 * answer from what an earlier online run saw.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/mcp-warden` (Linux), `~/Library/Caches/mcp-warden` (macOS), `%LOCALAPPDATA%\mcp-warden\Cache` (Windows). */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'mcp-warden');
  if (platform === 'win32') return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'mcp-warden', 'Cache');
  return join(env['XDG_CACHE_HOME'] || join(home, '.cache'), 'mcp-warden');
}
