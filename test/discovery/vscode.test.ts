import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const MCP_JSON = `{
  // User-level MCP servers (JSONC)
  "inputs": [
    { "type": "promptString", "id": "gh-token", "description": "GitHub token", "password": true }
  ],
  "servers": {
    "github": {
      "type": "http",
      "url": "https://api.githubcopilot.com/mcp/",
      "headers": { "Authorization": "Bearer \${input:gh-token}" },
    },
    "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"], "envFile": "\${workspaceFolder}/.env" },
    "events": { "type": "sse", "url": "http://localhost:3001/sse" },
  },
}
`;

const SETTINGS_NESTED = `{
  "editor.fontSize": 14,
  "mcp": {
    "servers": {
      "from-settings": { "command": "node", "args": ["srv.js"] }
    }
  }
}
`;

const SETTINGS_FLAT = `{
  "mcp.servers": {
    "flat": { "type": "stdio", "command": "flat-mcp" }
  }
}
`;

describe('VsCodeConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads User/mcp.json, settings.json and profiles on ${platform}`, async () => {
      const user = `${appDir(platform)}/Code/User`;
      const home = writeTree(tempDir(), {
        [`${user}/mcp.json`]: MCP_JSON,
        [`${user}/settings.json`]: SETTINGS_NESTED,
        [`${user}/profiles/1a2b3c/mcp.json`]: '{ "servers": { "profiled": { "command": "p" } } }',
        [`${user}/profiles/1a2b3c/settings.json`]: SETTINGS_FLAT,
        [`${appDir(platform)}/Code - Insiders/User/mcp.json`]: '{ "servers": { "insiders": { "type": "http", "url": "https://i.example/mcp" } } }',
      });
      const r = await scanHome(home, { platform, clients: ['vscode'] });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['events', 'fetch', 'flat', 'from-settings', 'github', 'insiders', 'profiled']);
      const gh = only(r.entries, 'github');
      expect(gh).toMatchObject({ client: 'vscode', scope: 'user', transport: 'http', headers: { Authorization: 'Bearer ${input:gh-token}' }, line: lineOf(MCP_JSON, '"github"') });
      expect(gh.fieldLines['headers.Authorization']).toBe(lineOf(MCP_JSON, '"Authorization"'));
      expect(only(r.entries, 'events').transport).toBe('sse');
      expect(only(r.entries, 'from-settings')).toMatchObject({ pointer: '/mcp/servers/from-settings', line: lineOf(SETTINGS_NESTED, '"from-settings"') });
      expect(only(r.entries, 'flat').pointer).toBe('/mcp.servers/flat');
      expect(only(r.entries, 'profiled').configFile).toBe(join(home, ...user.split('/'), 'profiles', '1a2b3c', 'mcp.json'));
    });
  }

  it('reads the remote VS Code Server folder on Linux', async () => {
    const home = writeTree(tempDir(), { '.vscode-server/data/User/mcp.json': '{ "servers": { "remote": { "command": "r" } } }' });
    const r = await scanHome(home, { clients: ['vscode'] });
    expect(names(r.entries)).toEqual(['remote']);
  });

  it('reads workspace .vscode/mcp.json, .vscode/settings.json and *.code-workspace', async () => {
    const proj = writeTree(tempDir('warden-proj-'), {
      '.vscode/mcp.json': '{ "servers": { "ws": { "command": "ws" } } }',
      '.vscode/settings.json': SETTINGS_NESTED,
      'team.code-workspace': '{ "folders": [{ "path": "." }], "settings": { "mcp": { "servers": { "from-workspace": { "command": "w" } } } } }',
    });
    const r = await scanHome(tempDir(), { clients: ['vscode'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['from-settings', 'from-workspace', 'ws']);
    expect(r.entries.every((e) => e.scope === 'project' && e.project === proj)).toBe(true);
  });

  it('is what --config picks for a `servers` file and for .vscode/mcp.json', async () => {
    const dir = writeTree(tempDir(), { 'anything.json': MCP_JSON, '.vscode/mcp.json': MCP_JSON });
    for (const f of ['anything.json', '.vscode/mcp.json']) {
      const r = await scanFile(join(dir, f));
      expect(r.files[0]?.client).toBe('vscode');
      expect(names(r.entries)).toEqual(['events', 'fetch', 'github']);
    }
  });
});
