import { join } from 'node:path';
import type { ClientConfigAdapter } from './types.js';
import { appConfigDir } from './paths.js';
import { readMcpServersMap } from './mcp-servers-map.js';

/** Claude Desktop: `claude_desktop_config.json` with a top-level `mcpServers` map (stdio only). */
export const ClaudeDesktopConfigAdapter: ClientConfigAdapter = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  candidates(env) {
    return [{ path: join(appConfigDir(env), 'Claude', 'claude_desktop_config.json'), scope: 'user', format: 'json' }];
  },
  detect(doc) {
    const v = doc.value as Record<string, unknown> | null;
    if (!v || typeof v !== 'object' || !('mcpServers' in v)) return 0;
    return doc.path.endsWith('claude_desktop_config.json') ? 10 : 1;
  },
  parse(doc, candidate) {
    return readMcpServersMap(doc, { client: 'claude-desktop', scope: candidate.scope, at: ['mcpServers'] });
  },
};
