import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `{
  "mcpServers": {
    "remote": { "serverUrl": "https://mcp.example.com/mcp", "headers": { "X-Key": "k" } },
    "remote-sse": { "serverUrl": "https://mcp.example.com/sse" },
    "local": { "command": "npx", "args": ["-y", "tool"], "disabled": true }
  }
}
`;

describe('WindsurfConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads ~/.codeium/windsurf/mcp_config.json (serverUrl) on ${platform}`, async () => {
      const home = writeTree(tempDir(), { '.codeium/windsurf/mcp_config.json': CONFIG, '.codeium/windsurf-next/mcp_config.json': '{ "mcpServers": { "next": { "command": "n" } } }' });
      const r = await scanHome(home, { platform, clients: ['windsurf'] });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['local', 'next', 'remote', 'remote-sse']);
      expect(only(r.entries, 'remote')).toMatchObject({ transport: 'http', url: 'https://mcp.example.com/mcp', fieldLines: { url: lineOf(CONFIG, '"remote"') } });
      expect(only(r.entries, 'remote-sse').transport).toBe('sse');
      expect(only(r.entries, 'local').disabled).toBe(true);
    });
  }

  it('is what --config picks for a file using serverUrl', async () => {
    const dir = writeTree(tempDir(), { 'x.json': CONFIG });
    const r = await scanFile(join(dir, 'x.json'));
    expect(r.files[0]?.client).toBe('windsurf');
  });
});
