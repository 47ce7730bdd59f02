/**
 * @module discovery/antigravity
 * Google Antigravity: the IDE's `~/.gemini/antigravity/mcp_config.json`, the Antigravity CLI's
 * `~/.gemini/config/mcp_config.json`, and per workspace `mcp_config.json` in a customization root
 * (`.agents/`, `.agent/`, `_agents/`, `_agent/`). An `mcpServers` map where `serverUrl` is the
 * remote form and wins over `command` when both are written; `disabled: true` switches one off.
 * The client parses strict JSON (mcp-warden still reads comments rather than refuse the file).
 * @see https://antigravity.google/docs/mcp
 */
import { homePath } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';
import { someServerHas } from './detect.js';

const CUSTOMIZATION_ROOTS = ['.agents', '.agent', '_agents', '_agent'] as const;

export const AntigravityConfigAdapter = defineMcpServersAdapter({
  id: 'antigravity',
  displayName: 'Antigravity',
  docs: 'https://antigravity.google/docs/mcp',
  user: (env) => [
    { path: homePath(env, '.gemini', 'antigravity', 'mcp_config.json'), scope: 'user', format: 'json', label: 'Antigravity IDE' },
    { path: homePath(env, '.gemini', 'config', 'mcp_config.json'), scope: 'user', format: 'json', label: 'Antigravity CLI' },
  ],
  project: (dir) => CUSTOMIZATION_ROOTS.map((root) => projectFile(dir, 'json', root, 'mcp_config.json')),
  paths: [/\.gemini\/(?:antigravity|config)\/mcp_config\.json$/, /(^|\/)(?:\.agents|\.agent|_agents|_agent)\/mcp_config\.json$/],
  shape: { urlKeys: ['serverUrl', 'url'], urlWinsOverCommand: true },
  distinctive: (v) => someServerHas(v, 'mcpServers', 'serverUrl'),
});
