import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, expectNoErrors, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const SETTINGS = `{
  "mcpServers": {
    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_x" }, "disabled": false, "autoApprove": [] },
    "old-sse": { "url": "https://old.example.com/events" },
    "typed": { "type": "streamableHttp", "url": "https://new.example.com/mcp" },
    "legacy-key": { "transportType": "sse", "url": "https://legacy.example.com/sse" }
  }
}
`;

describe('ClineConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads cline_mcp_settings.json in VS Code and Cursor globalStorage on ${platform}`, async () => {
      const home = writeTree(tempDir(), {
        [`${appDir(platform)}/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json`]: SETTINGS,
        [`${appDir(platform)}/Cursor/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json`]: '{ "mcpServers": { "in-cursor": { "command": "c" } } }',
      });
      const r = await scanHome(home, { platform, clients: ['cline'] });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['github', 'in-cursor', 'legacy-key', 'old-sse', 'typed']);
      expect(only(r.entries, 'old-sse').transport).toBe('sse');
      expect(only(r.entries, 'typed').transport).toBe('http');
      expect(only(r.entries, 'legacy-key')).toMatchObject({ transport: 'sse' });
      expect(only(r.entries, 'github').env).toEqual({ GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_x' });
    });
  }

  it('reads the Cline CLI file', async () => {
    const home = writeTree(tempDir(), { '.cline/data/settings/cline_mcp_settings.json': SETTINGS });
    expect((await scanHome(home, { clients: ['cline'] })).entries).toHaveLength(4);
  });

  it('is what --config picks for cline_mcp_settings.json', async () => {
    const dir = writeTree(tempDir(), { 'cline_mcp_settings.json': SETTINGS });
    expect((await scanFile(join(dir, 'cline_mcp_settings.json'))).files[0]?.client).toBe('cline');
  });
});

describe('ClineConfigAdapter environment', () => {
  it('follows $CLINE_MCP_SETTINGS_PATH for the CLI file', async () => {
    const dir = writeTree(tempDir('warden-cline-'), { 'mine.json': SETTINGS });
    const r = await scanHome(tempDir(), { clients: ['cline'], env: { CLINE_MCP_SETTINGS_PATH: join(dir, 'mine.json') } });
    expect(r.entries).toHaveLength(4);
  });
});
