/**
 * @module discovery/copilot-cli
 * GitHub Copilot CLI: `~/.copilot/mcp-config.json` (or `$COPILOT_HOME/mcp-config.json`), an
 * `mcpServers` map whose entries carry `type` (local/stdio, http, sse) and a `tools` allow-list.
 * Per repository it also loads `.mcp.json` (shared with Claude Code: a file is read once and
 * reported under the first client that reads it) and `.github/mcp.json`.
 * @see https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-command-reference (COPILOT_HOME, MCP server loading priority)
 */
import { join } from 'node:path';
import { envVar, homePath } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';
import { someServerHas } from './detect.js';

export const CopilotCliConfigAdapter = defineMcpServersAdapter({
  id: 'copilot-cli',
  displayName: 'GitHub Copilot CLI',
  docs: 'https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-command-reference',
  user: (env) => [{ path: join(envVar(env, 'COPILOT_HOME') ?? homePath(env, '.copilot'), 'mcp-config.json'), scope: 'user', format: 'json' }],
  project: (dir) => [projectFile(dir, 'json', '.mcp.json'), projectFile(dir, 'json', '.github', 'mcp.json')],
  paths: [/(^|\/)mcp-config\.json$/, /(^|\/)\.github\/mcp\.json$/],
  // Copilot CLI requires a `tools` list on every server; no other client writes one.
  distinctive: (v) => someServerHas(v, 'mcpServers', 'tools'),
});
