import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `{
  "mcpServers": {
    "serena": { "type": "local", "command": "uvx", "args": ["serena"], "tools": ["*"], "env": { "API_KEY": "\${MY_API_KEY}" } },
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/readonly", "tools": ["*"] },
    "cf": { "type": "sse", "url": "https://docs.mcp.cloudflare.com/sse", "tools": ["*"] }
  }
}
`;

describe('CopilotCliConfigAdapter', () => {
  it('reads ~/.copilot/mcp-config.json with local/http/sse types', async () => {
    const home = writeTree(tempDir(), { '.copilot/mcp-config.json': CONFIG });
    const r = await scanHome(home, { clients: ['copilot-cli'], platform: 'win32' });
    expectNoErrors(r.errors);
    expect(only(r.entries, 'serena')).toMatchObject({ transport: 'stdio', env: { API_KEY: '${MY_API_KEY}' } });
    expect(only(r.entries, 'github').transport).toBe('http');
    expect(only(r.entries, 'cf').transport).toBe('sse');
  });

  it('follows $COPILOT_HOME', async () => {
    const dir = writeTree(tempDir('warden-copilot-'), { 'mcp-config.json': CONFIG });
    const r = await scanHome(tempDir(), { clients: ['copilot-cli'], env: { COPILOT_HOME: dir } });
    expect(names(r.entries)).toEqual(['cf', 'github', 'serena']);
  });

  it('reads .github/mcp.json, and .mcp.json (reported under Claude Code when both clients are scanned)', async () => {
    const proj = writeTree(tempDir('warden-proj-'), {
      '.github/mcp.json': '{ "mcpServers": { "gh-local": { "command": "g", "tools": ["*"] } } }',
      '.mcp.json': '{ "mcpServers": { "shared": { "command": "s" } } }',
    });
    const alone = await scanHome(tempDir(), { clients: ['copilot-cli'], projects: [proj] });
    expect(names(alone.entries)).toEqual(['gh-local', 'shared']);
    const both = await scanHome(tempDir(), { projects: [proj] });
    expect(only(both.entries, 'shared').client).toBe('claude-code');
    expect(only(both.entries, 'gh-local').client).toBe('copilot-cli');
  });

  it('is what --config picks for a file whose servers carry `tools`', async () => {
    const dir = writeTree(tempDir(), { 'mcp.json': CONFIG });
    const r = await scanFile(join(dir, 'mcp.json'));
    expect(r.files[0]?.client).toBe('copilot-cli');
  });
});
