import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

describe('RooCodeConfigAdapter', () => {
  it('reads mcp_settings.json in globalStorage and the project .roo/mcp.json', async () => {
    const home = writeTree(tempDir(), {
      '.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json': '{ "mcpServers": { "global": { "command": "g", "alwaysAllow": ["x"], "cwd": "/tmp" } } }',
      '.config/Windsurf/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json': '{ "mcpServers": { "in-windsurf": { "type": "streamable-http", "url": "https://w/mcp" } } }',
    });
    const proj = writeTree(tempDir('warden-proj-'), { '.roo/mcp.json': '{ "mcpServers": { "proj": { "type": "sse", "url": "https://p/sse" } } }' });
    const r = await scanHome(home, { clients: ['roo-code'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['global', 'in-windsurf', 'proj']);
    expect(only(r.entries, 'global').cwd).toBe('/tmp');
    expect(only(r.entries, 'proj')).toMatchObject({ scope: 'project', transport: 'sse' });
  });

  it('is what --config picks for .roo/mcp.json', async () => {
    const dir = writeTree(tempDir(), { '.roo/mcp.json': '{ "mcpServers": { "x": { "command": "x" } } }' });
    expect((await scanFile(join(dir, '.roo', 'mcp.json'))).files[0]?.client).toBe('roo-code');
  });
});
