/**
 * @module discovery/amazon-q
 * Amazon Q Developer (CLI and IDE plugins): `~/.aws/amazonq/mcp.json` and per workspace
 * `.amazonq/mcp.json`, an `mcpServers` map (`disabled`, `timeout`, remote `url` with `type: http`).
 * Agent files (`~/.aws/amazonq/cli-agents/*.json`, `~/.aws/amazonq/agents/*.json` and the same
 * folders under `.amazonq/` in a workspace) embed the same `mcpServers` map.
 * @see https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-config-CLI.html
 */
import { join } from 'node:path';
import type { Candidate } from './types.js';
import { homePath } from './paths.js';
import { defineMcpServersAdapter, projectFile } from './mcp-servers-adapter.js';

const AGENT_DIRS = ['cli-agents', 'agents'] as const;
const JSON_FILE = /^[^/]+\.json$/;

export const AmazonQConfigAdapter = defineMcpServersAdapter({
  id: 'amazon-q',
  displayName: 'Amazon Q Developer',
  docs: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-config-CLI.html',
  user: (env) => [
    { path: homePath(env, '.aws', 'amazonq', 'mcp.json'), scope: 'user', format: 'json' },
    ...AGENT_DIRS.map((d): Candidate => ({ dir: homePath(env, '.aws', 'amazonq', d), match: JSON_FILE, glob: '*.json', depth: 1, scope: 'user', label: `${d} (agent files)` })),
  ],
  project: (dir) => [
    projectFile(dir, 'json', '.amazonq', 'mcp.json'),
    ...AGENT_DIRS.map((d): Candidate => ({ dir: join(dir, '.amazonq', d), match: JSON_FILE, glob: '*.json', depth: 1, scope: 'project', project: dir, label: `${d} (agent files)` })),
  ],
  paths: [/(^|\/)\.aws\/amazonq\//, /(^|\/)\.amazonq\//],
});
