import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanHome, tempDir, writeTree } from './helpers.js';

describe('AmazonQConfigAdapter', () => {
  it('reads ~/.aws/amazonq/mcp.json, agent files and workspace .amazonq/mcp.json', async () => {
    const home = writeTree(tempDir(), {
      '.aws/amazonq/mcp.json': '{ "mcpServers": { "aws-docs": { "command": "uvx", "args": ["awslabs.aws-documentation-mcp-server@latest"], "timeout": 60000, "disabled": false } } }',
      '.aws/amazonq/cli-agents/dev.json': '{ "name": "dev", "mcpServers": { "agent-srv": { "command": "a" } }, "tools": ["*"] }',
      '.aws/amazonq/agents/default.json': '{ "mcpServers": { "ide-srv": { "type": "http", "url": "https://q.example/mcp" } } }',
    });
    const proj = writeTree(tempDir('warden-proj-'), { '.amazonq/mcp.json': '{ "mcpServers": { "ws": { "command": "w" } } }' });
    const r = await scanHome(home, { clients: ['amazon-q'], projects: [proj], platform: 'win32' });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['agent-srv', 'aws-docs', 'ide-srv', 'ws']);
    expect(only(r.entries, 'ws')).toMatchObject({ scope: 'project', project: proj });
    expect(only(r.entries, 'ide-srv').transport).toBe('http');
  });
});
