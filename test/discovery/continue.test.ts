import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG_YAML = `name: My Config
version: 0.0.1
schema: v1
models: []
mcpServers:
  - name: SQLite
    command: npx
    args:
      - "-y"
      - "mcp-sqlite"
      - "/Users/me/db.sqlite"
    env:
      DEBUG: "1"
  - name: Remote
    type: streamable-http
    url: https://mcp.example.com/mcp
    requestOptions:
      headers:
        Authorization: Bearer abc
  - uses: anthropic/memory-mcp
`;

const BLOCK = `name: Playwright mcpServer
version: 0.0.1
schema: v1
mcpServers:
  - name: Browser search
    command: npx
    args: ["@playwright/mcp@latest"]
`;

describe('ContinueConfigAdapter', () => {
  it('reads the config.yaml list with lines, headers, and reports hub blocks as skipped', async () => {
    const home = writeTree(tempDir(), { '.continue/config.yaml': CONFIG_YAML });
    const r = await scanHome(home, { clients: ['continue'], platform: 'win32' });
    expect(names(r.entries)).toEqual(['Remote', 'SQLite']);
    const sqlite = only(r.entries, 'SQLite');
    expect(sqlite).toMatchObject({ transport: 'stdio', args: ['-y', 'mcp-sqlite', '/Users/me/db.sqlite'], env: { DEBUG: '1' }, pointer: '/mcpServers/0', line: lineOf(CONFIG_YAML, '- name: SQLite') });
    expect(sqlite.fieldLines).toMatchObject({ command: lineOf(CONFIG_YAML, 'command: npx'), 'args.2': lineOf(CONFIG_YAML, '/Users/me/db.sqlite'), 'env.DEBUG': lineOf(CONFIG_YAML, 'DEBUG') });
    expect(only(r.entries, 'Remote')).toMatchObject({ transport: 'http', headers: { Authorization: 'Bearer abc' }, fieldLines: { 'headers.Authorization': lineOf(CONFIG_YAML, 'Authorization') } });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ kind: 'skipped', server: 'anthropic/memory-mcp', line: lineOf(CONFIG_YAML, 'uses:') });
    expect(r.errors[0]?.message).toMatch(/anthropic\/memory-mcp.*not checked/);
  });

  it('reads drop-in YAML blocks and JSON files copied from other clients, user and project', async () => {
    const home = writeTree(tempDir(), {
      '.continue/mcpServers/playwright-mcp.yaml': BLOCK,
      '.continue/mcpServers/from-claude.json': '{ "mcpServers": { "copied": { "command": "c" } } }',
      '.continue/mcpServers/notes.txt': 'not a config',
    });
    const proj = writeTree(tempDir('warden-proj-'), { '.continue/mcpServers/team.yml': BLOCK.replace('Browser search', 'Team browser') });
    const r = await scanHome(home, { clients: ['continue'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['Browser search', 'Team browser', 'copied']);
    expect(only(r.entries, 'Team browser')).toMatchObject({ scope: 'project', project: proj });
  });

  it('reads the deprecated config.json experimental.modelContextProtocolServers', async () => {
    const text = '{ "experimental": { "modelContextProtocolServers": [ { "transport": { "type": "stdio", "command": "uvx", "args": ["mcp-server-sqlite"] } } ] } }';
    const home = writeTree(tempDir(), { '.continue/config.json': text });
    const r = await scanHome(home, { clients: ['continue'] });
    expectNoErrors(r.errors);
    expect(r.entries[0]).toMatchObject({ name: 'experimental.modelContextProtocolServers[0]', command: 'uvx', pointer: '/experimental/modelContextProtocolServers/0' });
  });

  it('follows $CONTINUE_GLOBAL_DIR', async () => {
    const dir = writeTree(tempDir('warden-cont-'), { 'config.yaml': BLOCK });
    const r = await scanHome(tempDir(), { clients: ['continue'], env: { CONTINUE_GLOBAL_DIR: dir } });
    expect(names(r.entries)).toEqual(['Browser search']);
  });

  it('is what --config picks for a YAML mcpServers list', async () => {
    const dir = writeTree(tempDir(), { 'block.yaml': BLOCK });
    const r = await scanFile(join(dir, 'block.yaml'));
    expect(r.files[0]?.client).toBe('continue');
  });
});
