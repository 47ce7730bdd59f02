/**
 * @module discovery/windsurf
 * Windsurf (Codeium): `~/.codeium/windsurf/mcp_config.json` (and `windsurf-next` for the preview
 * build), an `mcpServers` map. Remote servers are written with `serverUrl` (older files use `url`).
 * @see https://docs.windsurf.com/windsurf/cascade/mcp
 */
import { homePath } from './paths.js';
import { defineMcpServersAdapter } from './mcp-servers-adapter.js';
import { someServerHas } from './detect.js';

export const WindsurfConfigAdapter = defineMcpServersAdapter({
  id: 'windsurf',
  displayName: 'Windsurf',
  docs: 'https://docs.windsurf.com/windsurf/cascade/mcp',
  user: (env) => [
    { path: homePath(env, '.codeium', 'windsurf', 'mcp_config.json'), scope: 'user', format: 'json' },
    { path: homePath(env, '.codeium', 'windsurf-next', 'mcp_config.json'), scope: 'user', format: 'json', label: 'Windsurf Next' },
  ],
  paths: [/\.codeium\/windsurf(?:-next)?\/mcp_config\.json$/],
  shape: { urlKeys: ['serverUrl', 'url'] },
  distinctive: (v) => someServerHas(v, 'mcpServers', 'serverUrl'),
});
