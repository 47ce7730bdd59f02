import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

describe('KiloCodeConfigAdapter', () => {
  it('reads the extension, CLI and project files of Kilo Code 4 (mcpServers)', async () => {
    const home = writeTree(tempDir(), {
      'AppData/Roaming/Code/User/globalStorage/kilocode.kilo-code/settings/mcp_settings.json': '{ "mcpServers": { "ext": { "command": "e" } } }',
      '.kilocode/cli/global/settings/mcp_settings.json': '{ "mcpServers": { "cli": { "command": "c" } } }',
    });
    const proj = writeTree(tempDir('warden-proj-'), { '.kilocode/mcp.json': '{ "mcpServers": { "proj": { "command": "p" } } }' });
    const r = await scanHome(home, { clients: ['kilo-code'], projects: [proj], platform: 'win32' });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['cli', 'ext', 'proj']);
  });

  it('reads Kilo 7 kilo.jsonc files in the OpenCode shape', async () => {
    const home = writeTree(tempDir(), { '.config/kilo/kilo.jsonc': '{ // comment\n "mcp": { "gitnexus": { "type": "local", "command": ["npx", "-y", "gitnexus@latest", "mcp"], "enabled": true, "timeout": 10000 } } }' });
    const proj = writeTree(tempDir('warden-proj-'), { '.kilo/kilo.json': '{ "mcp": { "team": { "type": "remote", "url": "https://t/mcp" } } }' });
    const r = await scanHome(home, { clients: ['kilo-code'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(only(r.entries, 'gitnexus')).toMatchObject({ command: 'npx', args: ['-y', 'gitnexus@latest', 'mcp'], transport: 'stdio' });
    expect(only(r.entries, 'team')).toMatchObject({ transport: 'http', scope: 'project' });
  });

  it('is what --config picks for kilo.jsonc', async () => {
    const dir = writeTree(tempDir(), { 'kilo.jsonc': '{ "mcp": { "x": { "type": "local", "command": ["x"] } } }' });
    expect((await scanFile(join(dir, 'kilo.jsonc'))).files[0]?.client).toBe('kilo-code');
  });
});
