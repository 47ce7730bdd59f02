/**
 * @module discovery/cline
 * Cline (VS Code extension `saoudrizwan.claude-dev`): `cline_mcp_settings.json` in the extension's
 * globalStorage `settings` folder of every editor that can host it (VS Code, Insiders, VSCodium,
 * Cursor, Windsurf, …), and the Cline CLI's `~/.cline/data/settings/cline_mcp_settings.json`
 * (or `$CLINE_MCP_SETTINGS_PATH`).
 * An `mcpServers` map with `disabled`, `autoApprove`, `timeout`; remote servers use `url` with
 * `type` `sse` or `streamableHttp` (older files: `transportType`); a `url` with no type is SSE.
 * @see https://docs.cline.bot/mcp/configuring-mcp-servers
 */
import { envVar, extensionSettingsDirs, homePath } from './paths.js';
import { defineMcpServersAdapter } from './mcp-servers-adapter.js';
import { someServerHas } from './detect.js';

export const ClineConfigAdapter = defineMcpServersAdapter({
  id: 'cline',
  displayName: 'Cline',
  docs: 'https://docs.cline.bot/mcp/configuring-mcp-servers',
  user: (env) => [
    ...extensionSettingsDirs(env, 'saoudrizwan.claude-dev'),
    {
      path: envVar(env, 'CLINE_MCP_SETTINGS_PATH') ?? homePath(env, '.cline', 'data', 'settings', 'cline_mcp_settings.json'),
      scope: 'user',
      format: 'json',
      label: 'Cline CLI',
    },
  ],
  paths: [/(^|\/)cline_mcp_settings\.json$/, /saoudrizwan\.claude-dev\//],
  shape: {
    // Cline predates the streamable HTTP transport: a bare `url` means SSE.
    inferTransport: (decl, url) => (decl['command'] !== undefined || url === undefined ? 'stdio' : 'sse'),
  },
  distinctive: (v) => someServerHas(v, 'mcpServers', 'autoApprove'),
});
