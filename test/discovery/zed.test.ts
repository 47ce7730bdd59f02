import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const SETTINGS = `// Zed settings
{
  "theme": "One Dark",
  "context_servers": {
    "nested-form": {
      "command": { "path": "/usr/local/bin/pg-mcp", "args": ["--db", "app"], "env": { "PGPASSWORD": "pw" } },
      "settings": {}
    },
    "flat-form": { "source": "custom", "command": "npx", "args": ["-y", "hexdocs-mcp@0.5.0"], "env": {}, "enabled": false },
    "remote": { "url": "https://api.example.com/mcp", "headers": { "Authorization": "Bearer k" } },
    "from-extension": { "source": "extension", "settings": { "token": "t" } },
  },
}
`;

describe('ZedConfigAdapter', () => {
  it('reads both command forms, remote servers and extension servers on Linux', async () => {
    const home = writeTree(tempDir(), { '.config/zed/settings.json': SETTINGS });
    const r = await scanHome(home, { clients: ['zed'] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['flat-form', 'from-extension', 'nested-form', 'remote']);
    const nested = only(r.entries, 'nested-form');
    expect(nested).toMatchObject({ command: '/usr/local/bin/pg-mcp', args: ['--db', 'app'], env: { PGPASSWORD: 'pw' }, transport: 'stdio', line: lineOf(SETTINGS, '"nested-form"') });
    expect(nested.fieldLines['env.PGPASSWORD']).toBe(lineOf(SETTINGS, 'PGPASSWORD'));
    expect(only(r.entries, 'flat-form')).toMatchObject({ command: 'npx', disabled: true });
    expect(only(r.entries, 'remote')).toMatchObject({ transport: 'http', headers: { Authorization: 'Bearer k' } });
    expect(only(r.entries, 'from-extension')).toMatchObject({ env: { token: 't' }, fieldLines: { 'env.token': lineOf(SETTINGS, '"from-extension"') } });
    expect(only(r.entries, 'from-extension').command).toBeUndefined();
  });

  it('reads %APPDATA%\\Zed on Windows, ~/.config/zed on macOS, and .zed/settings.json in a project', async () => {
    const home = writeTree(tempDir(), { 'AppData/Roaming/Zed/settings.json': SETTINGS, '.config/zed/settings.json': SETTINGS });
    expect((await scanHome(home, { platform: 'win32', clients: ['zed'] })).files.map((f) => f.path)).toEqual([join(home, 'AppData', 'Roaming', 'Zed', 'settings.json')]);
    expect((await scanHome(home, { platform: 'darwin', clients: ['zed'] })).files.map((f) => f.path)).toEqual([join(home, '.config', 'zed', 'settings.json')]);
    const proj = writeTree(tempDir('warden-proj-'), { '.zed/settings.json': '{ "context_servers": { "p": { "command": "p" } } }' });
    expect(only((await scanHome(tempDir(), { clients: ['zed'], projects: [proj] })).entries, 'p').scope).toBe('project');
  });

  it('is what --config picks for context_servers', async () => {
    const dir = writeTree(tempDir(), { 'settings.json': SETTINGS });
    expect((await scanFile(join(dir, 'settings.json'))).files[0]?.client).toBe('zed');
  });
});
