/**
 * @module discovery/kiro
 * Kiro: `~/.kiro/settings/mcp.json` (user) and `<workspace>/.kiro/settings/mcp.json`, an
 * `mcpServers` map with `disabled`, `autoApprove`, and remote `url` + `headers`. Kiro CLI agent
 * files (`~/.kiro/agents/*.json`, `<workspace>/.kiro/agents/*.json`) embed the same map.
 * @see https://kiro.dev/docs/mcp/configuration/
 */
import { join } from 'node:path';
import { homePath } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';

const JSON_FILE = /^[^/]+\.json$/;

export const KiroConfigAdapter = defineMcpServersAdapter({
  id: 'kiro',
  displayName: 'Kiro',
  docs: 'https://kiro.dev/docs/mcp/configuration/',
  user: (env) => [
    { path: homePath(env, '.kiro', 'settings', 'mcp.json'), scope: 'user', format: 'json' },
    { dir: homePath(env, '.kiro', 'agents'), match: JSON_FILE, glob: '*.json', depth: 1, scope: 'user', label: 'Kiro CLI agents' },
  ],
  project: (dir) => [
    projectFile(dir, 'json', '.kiro', 'settings', 'mcp.json'),
    { dir: join(dir, '.kiro', 'agents'), match: JSON_FILE, glob: '*.json', depth: 1, scope: 'project', project: dir, label: 'Kiro CLI agents' },
  ],
  paths: [/(^|\/)\.kiro\/(?:settings\/mcp\.json|agents\/[^/]+\.json)$/],
});
