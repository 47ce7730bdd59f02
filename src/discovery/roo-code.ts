/**
 * @module discovery/roo-code
 * Roo Code (VS Code extension `rooveterinaryinc.roo-cline`): global `mcp_settings.json` in the
 * extension's globalStorage `settings` folder (every editor that can host it), and per project
 * `.roo/mcp.json` (project entries override global ones of the same name). An `mcpServers` map
 * with `disabled`, `alwaysAllow`, `cwd`, `watchPaths`; `type` is stdio, sse or streamable-http.
 * @see https://docs.roocode.com/features/mcp/using-mcp-in-roo
 */
import { extensionSettingsDirs } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';
import { someServerHas } from './detect.js';

export const RooCodeConfigAdapter = defineMcpServersAdapter({
  id: 'roo-code',
  displayName: 'Roo Code',
  docs: 'https://docs.roocode.com/features/mcp/using-mcp-in-roo',
  user: (env) => extensionSettingsDirs(env, 'rooveterinaryinc.roo-cline'),
  project: (dir) => [projectFile(dir, 'json', '.roo', 'mcp.json')],
  paths: [/(^|\/)\.roo\/mcp\.json$/, /rooveterinaryinc\.roo-cline\//],
  distinctive: (v) => someServerHas(v, 'mcpServers', 'alwaysAllow'),
});
