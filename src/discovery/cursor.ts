/**
 * @module discovery/cursor
 * Cursor: `~/.cursor/mcp.json` (global) and `<project>/.cursor/mcp.json`, both an `mcpServers` map.
 * Remote servers use `url` (Cursor negotiates streamable HTTP or SSE) with optional `headers`.
 * The same path on every OS (%USERPROFILE%\.cursor on Windows).
 * @see https://docs.cursor.com/context/model-context-protocol
 */
import { homePath } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';

export const CursorConfigAdapter = defineMcpServersAdapter({
  id: 'cursor',
  displayName: 'Cursor',
  docs: 'https://docs.cursor.com/context/model-context-protocol',
  user: (env) => [{ path: homePath(env, '.cursor', 'mcp.json'), scope: 'user', format: 'json' }],
  project: (dir) => [projectFile(dir, 'json', '.cursor', 'mcp.json')],
  paths: [/(^|\/)\.cursor\/mcp\.json$/],
});
