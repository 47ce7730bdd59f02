import { ServerSnapshotSchema, type PinnedServer, type ServerSnapshot, type ServerSnapshotInput, type ToolDefinition } from '../../src/model/index.js';
import { declaredIdentity } from '../../src/pinning/identity.js';
import { pinServer } from '../../src/pinning/pin.js';

/** A tool definition with an object input schema; `extra` overrides or adds fields. */
export function tool(name: string, description: string, extra: Partial<ToolDefinition> = {}): ToolDefinition {
  return { name, description, inputSchema: { type: 'object', properties: { q: { type: 'string' } } }, ...extra };
}

/** An inventory-style snapshot. */
export function snap(name: string, input: Partial<ServerSnapshotInput> = {}): ServerSnapshot {
  return ServerSnapshotSchema.parse({ name, source: 'inventory', ...input });
}

/** Pins a snapshot (launch taken from its `launch` text, as for inventory files). */
export function pinned(s: ServerSnapshot): PinnedServer {
  return pinServer(s, declaredIdentity(s.launch));
}

/** A typical server: three tools, instructions, a prompt, a resource and a template. */
export function githubSnapshot(overrides: Partial<ServerSnapshotInput> = {}): ServerSnapshot {
  return snap('github', {
    launch: 'npx -y @modelcontextprotocol/server-github@1.0.0',
    instructions: 'Use these tools for GitHub.',
    tools: [
      tool('search_issues', 'Search issues in a repository.', { annotations: { readOnlyHint: true } }),
      tool('create_issue', 'Create an issue.'),
      tool('delete_repo', 'Delete a repository permanently.', { annotations: { destructiveHint: true } }),
    ],
    prompts: [{ name: 'triage', description: 'Triage issues' }],
    resources: [{ uri: 'repo://readme', name: 'readme' }],
    resourceTemplates: [{ uriTemplate: 'repo://{owner}/{name}', name: 'repo' }],
    ...overrides,
  });
}
