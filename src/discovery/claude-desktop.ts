/**
 * @module discovery/claude-desktop
 * Claude Desktop: `claude_desktop_config.json` with a top-level `mcpServers` map (stdio servers;
 * remote connectors are configured in the app, not in this file).
 * @see https://modelcontextprotocol.io/quickstart/user (paths per OS)
 */
import { join } from 'node:path';
import type { ClientConfigAdapter } from './types.js';
import { appConfigDir } from './paths.js';
import { readMcpServersMap } from './mcp-servers-map.js';
import { detectBy, has, SCORE } from './detect.js';

export const ClaudeDesktopConfigAdapter: ClientConfigAdapter = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  docs: 'https://modelcontextprotocol.io/quickstart/user',
  candidates(env) {
    // macOS ~/Library/Application Support/Claude, Windows %APPDATA%\Claude, Linux (unofficial builds) ~/.config/Claude.
    return [{ path: join(appConfigDir(env), 'Claude', 'claude_desktop_config.json'), scope: 'user', format: 'json' }];
  },
  detect(doc) {
    // The canonical `mcpServers` file: the fallback for a shared-shape file with an unknown name.
    return detectBy(doc, { shape: (v) => (has(v, 'mcpServers') ? SCORE.fallback : 0), paths: [/claude_desktop_config\.json$/] });
  },
  parse(doc, candidate) {
    return readMcpServersMap(doc, { client: 'claude-desktop', scope: candidate.scope, at: ['mcpServers'] });
  },
};
