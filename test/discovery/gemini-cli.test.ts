import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const SETTINGS = `{
  "theme": "GitHub",
  "mcpServers": {
    "streamable": { "httpUrl": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer $TOKEN" } },
    "legacy-sse": { "url": "https://mcp.example.com/events" },
    "typed": { "url": "https://mcp.example.com/mcp", "type": "http" },
    "python": { "command": "python", "args": ["-m", "srv"], "cwd": "./srv", "env": { "KEY": "$KEY" }, "trust": false },
    "blocked": { "command": "blocked-mcp" }
  },
  "mcp": { "excluded": ["blocked"] }
}
`;

const SYSTEM: Record<string, string> = {
  darwin: 'Library/Application Support/GeminiCli',
  linux: 'etc/gemini-cli',
  win32: 'ProgramData/gemini-cli',
};

describe('GeminiCliConfigAdapter', () => {
  it('reads ~/.gemini/settings.json: httpUrl is streamable HTTP, url is SSE, excluded servers are disabled', async () => {
    const home = writeTree(tempDir(), { '.gemini/settings.json': SETTINGS });
    const r = await scanHome(home, { clients: ['gemini-cli'] });
    expectNoErrors(r.errors);
    expect(only(r.entries, 'streamable')).toMatchObject({ transport: 'http', url: 'https://mcp.example.com/mcp', fieldLines: { url: lineOf(SETTINGS, '"streamable"') } });
    expect(only(r.entries, 'legacy-sse').transport).toBe('sse');
    expect(only(r.entries, 'typed').transport).toBe('http');
    expect(only(r.entries, 'python')).toMatchObject({ transport: 'stdio', cwd: './srv', env: { KEY: '$KEY' }, disabled: false });
    expect(only(r.entries, 'blocked').disabled).toBe(true);
  });

  it('applies the older allowMCPServers list (servers not listed are off)', async () => {
    const home = writeTree(tempDir(), { '.gemini/settings.json': '{ "mcpServers": { "a": { "command": "a" }, "b": { "command": "b" } }, "allowMCPServers": ["a"] }' });
    const r = await scanHome(home, { clients: ['gemini-cli'] });
    expect(only(r.entries, 'a').disabled).toBe(false);
    expect(only(r.entries, 'b').disabled).toBe(true);
  });

  for (const platform of PLATFORMS) {
    it(`reads system settings and defaults on ${platform}`, async () => {
      const root = writeTree(tempDir('warden-root-'), {
        [`${SYSTEM[platform]}/settings.json`]: '{ "mcpServers": { "enforced": { "httpUrl": "https://corp/mcp" } } }',
        [`${SYSTEM[platform]}/system-defaults.json`]: '{ "mcpServers": { "default": { "command": "d" } } }',
      });
      const r = await scanHome(tempDir(), { platform, clients: ['gemini-cli'], systemRoot: root });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['default', 'enforced']);
      expect(r.entries.every((e) => e.scope === 'managed')).toBe(true);
    });
  }

  it('honours GEMINI_CLI_SYSTEM_SETTINGS_PATH', async () => {
    const dir = writeTree(tempDir('warden-sys-'), { 'custom.json': '{ "mcpServers": { "custom": { "command": "c" } } }' });
    const r = await scanHome(tempDir(), { clients: ['gemini-cli'], env: { GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'custom.json') } });
    expect(only(r.entries, 'custom').scope).toBe('managed');
  });

  it('reads extensions and project settings', async () => {
    const home = writeTree(tempDir(), { '.gemini/extensions/my-ext/gemini-extension.json': '{ "name": "my-ext", "version": "1.0.0", "mcpServers": { "ext-srv": { "command": "node", "args": ["${extensionPath}/srv.js"] } } }' });
    const proj = writeTree(tempDir('warden-proj-'), { '.gemini/settings.json': '{ "mcpServers": { "proj": { "command": "p" } } }' });
    const r = await scanHome(home, { clients: ['gemini-cli'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(only(r.entries, 'ext-srv')).toMatchObject({ scope: 'plugin', args: ['${extensionPath}/srv.js'] });
    expect(only(r.entries, 'proj')).toMatchObject({ scope: 'project', project: proj });
  });

  it('is what --config picks for .gemini/settings.json and for httpUrl files', async () => {
    const dir = writeTree(tempDir(), { '.gemini/settings.json': SETTINGS, 'other.json': '{ "mcpServers": { "s": { "httpUrl": "https://x/mcp" } } }' });
    expect((await scanFile(join(dir, '.gemini', 'settings.json'))).files[0]?.client).toBe('gemini-cli');
    expect((await scanFile(join(dir, 'other.json'))).files[0]?.client).toBe('gemini-cli');
  });
});
