import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `{
  "$schema": "https://opencode.ai/config.json",
  // JSONC with trailing commas
  "mcp": {
    "everything": {
      "type": "local",
      "command": ["npx", "-y", "@modelcontextprotocol/server-everything"],
      "environment": { "MY_ENV_VAR": "value" },
      "enabled": true,
    },
    "sentry": { "type": "remote", "url": "https://mcp.sentry.dev/mcp", "headers": { "Authorization": "Bearer {env:SENTRY}" }, "enabled": false },
  },
}
`;

describe('OpenCodeConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads ~/.config/opencode/opencode.jsonc on ${platform}: command arrays, environment, enabled`, async () => {
      const home = writeTree(tempDir(), { '.config/opencode/opencode.jsonc': CONFIG });
      const r = await scanHome(home, { platform, clients: ['opencode'] });
      expectNoErrors(r.errors);
      const ev = only(r.entries, 'everything');
      expect(ev).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'], env: { MY_ENV_VAR: 'value' }, disabled: false });
      expect(ev.fieldLines).toMatchObject({ command: lineOf(CONFIG, '"command"'), 'args.1': lineOf(CONFIG, '"command"'), 'env.MY_ENV_VAR': lineOf(CONFIG, 'MY_ENV_VAR'), transport: lineOf(CONFIG, '"type": "local"') });
      expect(only(r.entries, 'sentry')).toMatchObject({ transport: 'http', disabled: true, headers: { Authorization: 'Bearer {env:SENTRY}' } });
    });
  }

  it('reads opencode.json in a project and in its .opencode folder, and the OpenCode 2 mcp.servers nesting', async () => {
    const proj = writeTree(tempDir('warden-proj-'), {
      'opencode.json': '{ "mcp": { "root": { "type": "local", "command": ["r"] } } }',
      '.opencode/opencode.jsonc': '{ "mcp": { "servers": { "nested": { "type": "remote", "url": "https://n/mcp" } } } }',
    });
    const r = await scanHome(tempDir(), { clients: ['opencode'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['nested', 'root']);
    expect(only(r.entries, 'nested').pointer).toBe('/mcp/servers/nested');
  });

  it('follows $OPENCODE_CONFIG and $XDG_CONFIG_HOME', async () => {
    const dir = writeTree(tempDir('warden-oc-'), { 'custom.json': '{ "mcp": { "custom": { "type": "local", "command": ["c"] } } }', 'opencode/opencode.json': '{ "mcp": { "xdg": { "type": "local", "command": ["x"] } } }' });
    const r = await scanHome(tempDir(), { clients: ['opencode'], env: { OPENCODE_CONFIG: join(dir, 'custom.json'), XDG_CONFIG_HOME: dir } });
    expect(names(r.entries)).toEqual(['custom', 'xdg']);
  });

  it('is what --config picks for an `mcp` map of local/remote servers', async () => {
    const dir = writeTree(tempDir(), { 'conf.jsonc': CONFIG });
    const r = await scanFile(join(dir, 'conf.jsonc'));
    expect(r.files[0]?.client).toBe('opencode');
  });
});
