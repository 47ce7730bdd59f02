import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `{
  "mcpServers": {
    "gtfs": { "serverUrl": "https://feeds.example/mcp/sse", "headers": { "Authorization": "Bearer \${TOKEN}" } },
    "both": { "command": "./local", "serverUrl": "https://wins.example/mcp" },
    "db": { "command": "./bin/db", "args": ["--read-only"], "disabled": true }
  }
}
`;

describe('AntigravityConfigAdapter', () => {
  it('reads the IDE and CLI files; serverUrl wins over command', async () => {
    const home = writeTree(tempDir(), { '.gemini/antigravity/mcp_config.json': CONFIG, '.gemini/config/mcp_config.json': '{ "mcpServers": { "cli": { "command": "c" } } }' });
    const r = await scanHome(home, { clients: ['antigravity'], platform: 'darwin' });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['both', 'cli', 'db', 'gtfs']);
    expect(only(r.entries, 'gtfs').transport).toBe('sse');
    expect(only(r.entries, 'both')).toMatchObject({ transport: 'http', command: './local', url: 'https://wins.example/mcp' });
    expect(only(r.entries, 'db').disabled).toBe(true);
  });

  it('reads workspace customization roots', async () => {
    const proj = writeTree(tempDir('warden-proj-'), { '.agents/mcp_config.json': CONFIG, '_agent/mcp_config.json': '{ "mcpServers": { "underscore": { "command": "u" } } }' });
    const r = await scanHome(tempDir(), { clients: ['antigravity'], projects: [proj] });
    expect(names(r.entries)).toEqual(['both', 'db', 'gtfs', 'underscore']);
    expect(r.entries.every((e) => e.scope === 'project')).toBe(true);
  });

  it('is what --config picks for mcp_config.json under .gemini/antigravity', async () => {
    const dir = writeTree(tempDir(), { '.gemini/antigravity/mcp_config.json': CONFIG });
    const r = await scanFile(join(dir, '.gemini', 'antigravity', 'mcp_config.json'));
    expect(r.files[0]?.client).toBe('antigravity');
  });
});
