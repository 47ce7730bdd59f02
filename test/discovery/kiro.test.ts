import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

describe('KiroConfigAdapter', () => {
  it('reads user and workspace .kiro/settings/mcp.json and Kiro CLI agents', async () => {
    const home = writeTree(tempDir(), {
      '.kiro/settings/mcp.json': '{ "mcpServers": { "fetch": { "command": "uvx", "args": ["mcp-server-fetch"], "autoApprove": ["fetch"], "disabled": true } } }',
      '.kiro/agents/reviewer.json': '{ "name": "reviewer", "mcpServers": { "agent": { "url": "https://k.example/mcp", "headers": { "Authorization": "Bearer ${TOKEN}" } } } }',
    });
    const proj = writeTree(tempDir('warden-proj-'), { '.kiro/settings/mcp.json': '{ "mcpServers": { "ws": { "command": "w" } } }' });
    const r = await scanHome(home, { clients: ['kiro'], projects: [proj], platform: 'darwin' });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['agent', 'fetch', 'ws']);
    expect(only(r.entries, 'fetch').disabled).toBe(true);
    expect(only(r.entries, 'agent').transport).toBe('http');
  });

  it('is what --config picks for .kiro/settings/mcp.json', async () => {
    const dir = writeTree(tempDir(), { '.kiro/settings/mcp.json': '{ "mcpServers": { "x": { "command": "x" } } }' });
    expect((await scanFile(join(dir, '.kiro', 'settings', 'mcp.json'))).files[0]?.client).toBe('kiro');
  });
});
