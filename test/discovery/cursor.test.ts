import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const USER = `{
  "mcpServers": {
    "linear": { "url": "https://mcp.linear.app/sse" },
    "context7": { "url": "https://mcp.context7.com/mcp", "headers": { "CONTEXT7_API_KEY": "\${env:CONTEXT7_KEY}" } },
    "playwright": { "command": "npx", "args": ["@playwright/mcp@latest"] }
  }
}
`;

describe('CursorConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads ~/.cursor/mcp.json on ${platform} and infers transports from the URL`, async () => {
      const home = writeTree(tempDir(), { '.cursor/mcp.json': USER });
      const r = await scanHome(home, { platform, clients: ['cursor'] });
      expectNoErrors(r.errors);
      expect(only(r.entries, 'linear')).toMatchObject({ transport: 'sse', scope: 'user', url: 'https://mcp.linear.app/sse' });
      expect(only(r.entries, 'context7')).toMatchObject({ transport: 'http', headers: { CONTEXT7_API_KEY: '${env:CONTEXT7_KEY}' } });
      expect(only(r.entries, 'playwright')).toMatchObject({ transport: 'stdio', fieldLines: { command: lineOf(USER, '"playwright"') } });
    });
  }

  it('reads <project>/.cursor/mcp.json as project scope', async () => {
    const proj = writeTree(tempDir('warden-proj-'), { '.cursor/mcp.json': '{ "mcpServers": { "local": { "command": "./run.sh" } } }' });
    const r = await scanHome(tempDir(), { clients: ['cursor'], projects: [proj] });
    expect(only(r.entries, 'local')).toMatchObject({ scope: 'project', project: proj, configFile: join(proj, '.cursor', 'mcp.json') });
  });

  it('is what --config picks for .cursor/mcp.json', async () => {
    const dir = writeTree(tempDir(), { '.cursor/mcp.json': USER });
    const r = await scanFile(join(dir, '.cursor', 'mcp.json'));
    expect(r.files[0]?.client).toBe('cursor');
    expect(names(r.entries)).toEqual(['context7', 'linear', 'playwright']);
  });
});
