import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, expectNoErrors, lineOf, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `{
  // Claude Desktop tolerates nothing but JSON; mcp-warden reads comments anyway.
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"],
      "env": { "DEBUG": "1" }
    },
    "off": { "command": "uvx", "args": ["x"], "disabled": true },
  }
}
`;

describe('ClaudeDesktopConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`finds claude_desktop_config.json on ${platform}`, async () => {
      const home = writeTree(tempDir(), { [`${appDir(platform)}/Claude/claude_desktop_config.json`]: CONFIG });
      const r = await scanHome(home, { platform, clients: ['claude-desktop'] });
      expectNoErrors(r.errors);
      const fs = only(r.entries, 'filesystem');
      expect(fs).toMatchObject({
        client: 'claude-desktop',
        scope: 'user',
        transport: 'stdio',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop'],
        env: { DEBUG: '1' },
        disabled: false,
        pointer: '/mcpServers/filesystem',
        configFile: join(home, ...appDir(platform).split('/'), 'Claude', 'claude_desktop_config.json'),
      });
      expect(fs.line).toBe(lineOf(CONFIG, '"filesystem"'));
      expect(fs.fieldLines).toEqual({
        command: lineOf(CONFIG, '"command": "npx"'),
        'args.0': lineOf(CONFIG, '"args": ["-y"'),
        'args.1': lineOf(CONFIG, '"args": ["-y"'),
        'args.2': lineOf(CONFIG, '"args": ["-y"'),
        'env.DEBUG': lineOf(CONFIG, '"DEBUG"'),
      });
      expect(only(r.entries, 'off')).toMatchObject({ disabled: true, fieldLines: { disabled: lineOf(CONFIG, '"off"') } });
    });
  }

  it('honours APPDATA and XDG_CONFIG_HOME when they are set', async () => {
    const home = tempDir();
    const xdg = writeTree(tempDir('warden-xdg-'), { 'Claude/claude_desktop_config.json': CONFIG });
    const linux = await scanHome(home, { platform: 'linux', env: { XDG_CONFIG_HOME: xdg }, clients: ['claude-desktop'] });
    expect(linux.entries).toHaveLength(2);
    const win = await scanHome(home, { platform: 'win32', env: { APPDATA: xdg }, clients: ['claude-desktop'] });
    expect(win.entries).toHaveLength(2);
  });

  it('is what --config picks for a file of that name', async () => {
    const dir = writeTree(tempDir(), { 'claude_desktop_config.json': CONFIG });
    const r = await scanFile(join(dir, 'claude_desktop_config.json'));
    expect(r.files[0]?.client).toBe('claude-desktop');
    expect(r.entries.every((e) => e.scope === 'file')).toBe(true);
  });
});
