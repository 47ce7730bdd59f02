import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `GOOSE_PROVIDER: anthropic
GOOSE_MODEL: claude-sonnet-4
extensions:
  developer:
    enabled: true
    name: developer
    type: builtin
    bundled: true
  github:
    args: []
    cmd: github-mcp-server
    description: GitHub
    enabled: true
    env_keys: [GITHUB_TOKEN]
    envs:
      GITHUB_HOST: github.com
    name: github
    timeout: 300
    type: stdio
  remote:
    enabled: false
    name: remote
    type: streamable_http
    uri: https://mcp.example.com/mcp
    headers:
      X-Key: abc
  events:
    name: events
    type: sse
    uri: http://localhost:8000/sse
`;

describe('GooseConfigAdapter', () => {
  it('reads the extensions map on Linux and macOS; builtins are not MCP servers', async () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const home = writeTree(tempDir(), { '.config/goose/config.yaml': CONFIG });
      const r = await scanHome(home, { platform, clients: ['goose'] });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['events', 'github', 'remote']);
      expect(only(r.entries, 'github')).toMatchObject({ transport: 'stdio', command: 'github-mcp-server', env: { GITHUB_HOST: 'github.com' }, line: lineOf(CONFIG, '  github:'), fieldLines: { command: lineOf(CONFIG, 'cmd:'), transport: lineOf(CONFIG, 'type: stdio') } });
      expect(only(r.entries, 'remote')).toMatchObject({ transport: 'http', url: 'https://mcp.example.com/mcp', headers: { 'X-Key': 'abc' }, disabled: true });
      expect(only(r.entries, 'events').transport).toBe('sse');
    }
  });

  it('reads %APPDATA%\\Block\\goose\\config\\config.yaml on Windows', async () => {
    const home = writeTree(tempDir(), { 'AppData/Roaming/Block/goose/config/config.yaml': CONFIG });
    const r = await scanHome(home, { platform: 'win32', clients: ['goose'] });
    expect(r.entries).toHaveLength(3);
  });

  it('reports extension types it cannot check instead of dropping them', async () => {
    const home = writeTree(tempDir(), { '.config/goose/config.yaml': 'extensions:\n  py:\n    type: inline_python\n    code: print(1)\n' });
    const r = await scanHome(home, { clients: ['goose'] });
    expect(r.entries).toEqual([]);
    expect(r.errors[0]).toMatchObject({ kind: 'invalid', line: 3 });
    expect(r.errors[0]?.message).toMatch(/inline_python/);
  });

  it('is what --config picks for an extensions map', async () => {
    const dir = writeTree(tempDir(), { 'goose.yaml': CONFIG });
    expect((await scanFile(join(dir, 'goose.yaml'))).files[0]?.client).toBe('goose');
  });
});
