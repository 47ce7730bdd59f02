/**
 * --config FILE: the client is detected from the shape, and shared shapes (a plain `mcpServers`
 * map) are attributed by the file's name and folder.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFile, tempDir, writeTree } from './helpers.js';

const SHARED = '{ "mcpServers": { "s": { "command": "npx", "args": ["-y", "pkg"] } } }';

describe('--config detection', () => {
  const byPath: Array<[string, string]> = [
    ['Claude/claude_desktop_config.json', 'claude-desktop'],
    ['repo/.mcp.json', 'claude-code'],
    ['etc/claude-code/managed-mcp.json', 'claude-code'],
    ['plugin/.claude-plugin/plugin.json', 'claude-code'],
    ['repo/.cursor/mcp.json', 'cursor'],
    ['home/.copilot/mcp-config.json', 'copilot-cli'],
    ['repo/.github/mcp.json', 'copilot-cli'],
    ['home/.codeium/windsurf/mcp_config.json', 'windsurf'],
    ['repo/.gemini/settings.json', 'gemini-cli'],
    ['ext/gemini-extension.json', 'gemini-cli'],
    ['repo/.continue/mcpServers/copied.json', 'continue'],
    ['home/.aws/amazonq/mcp.json', 'amazon-q'],
    ['repo/.amazonq/mcp.json', 'amazon-q'],
    ['repo/.kiro/settings/mcp.json', 'kiro'],
    ['cline_mcp_settings.json', 'cline'],
    ['repo/.roo/mcp.json', 'roo-code'],
    ['Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json', 'roo-code'],
    ['repo/.kilocode/mcp.json', 'kilo-code'],
    ['home/.gemini/antigravity/mcp_config.json', 'antigravity'],
    ['repo/.agents/mcp_config.json', 'antigravity'],
    ['some/unknown-name.json', 'claude-desktop'],
  ];
  for (const [rel, client] of byPath) {
    it(`a plain mcpServers map at ${rel} is read as ${client}`, async () => {
      const dir = writeTree(tempDir(), { [rel]: SHARED });
      const r = await scanFile(join(dir, ...rel.split('/')));
      expect(r.errors).toEqual([]);
      expect(r.files[0]?.client).toBe(client);
      expect(r.entries[0]).toMatchObject({ client, scope: 'file', command: 'npx' });
    });
  }

  const byShape: Array<[string, string, string]> = [
    ['a.json', '{ "servers": { "s": { "type": "stdio", "command": "x" } } }', 'vscode'],
    ['settings.json', '{ "mcp": { "servers": { "s": { "command": "x" } } } }', 'vscode'],
    ['a.toml', '[mcp_servers.s]\ncommand = "x"\n', 'codex'],
    ['a.json', '{ "mcp": { "s": { "type": "local", "command": ["x"] } } }', 'opencode'],
    ['settings.json', '{ "context_servers": { "s": { "command": "x" } } }', 'zed'],
    ['a.yaml', 'mcpServers:\n  - name: s\n    command: x\n', 'continue'],
    ['a.yaml', 'extensions:\n  s:\n    type: stdio\n    cmd: x\n', 'goose'],
    ['a.json', '{ "mcpServers": { "s": { "httpUrl": "https://x/mcp" } } }', 'gemini-cli'],
    ['a.json', '{ "mcpServers": { "s": { "serverUrl": "https://x/mcp" } } }', 'windsurf'],
    ['a.json', '{ "mcpServers": { "s": { "command": "x", "autoApprove": [] } } }', 'cline'],
    ['a.json', '{ "projects": { "/repo": { "mcpServers": {} } } }', 'claude-code'],
  ];
  for (const [name, text, client] of byShape) {
    it(`a ${client}-shaped ${name} is read as ${client}`, async () => {
      const dir = writeTree(tempDir(), { [name]: text });
      const r = await scanFile(join(dir, name));
      expect(r.errors).toEqual([]);
      expect(r.files[0]?.client).toBe(client);
    });
  }

  it('a file of no known shape is an error naming the file', async () => {
    const dir = writeTree(tempDir(), { 'package.json': '{ "name": "x", "version": "1.0.0" }' });
    const r = await scanFile(join(dir, 'package.json'));
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'invalid', source: join(dir, 'package.json'), message: expect.stringMatching(/not a recognised MCP client config/) })]);
  });

  it('--client forces the client, and says so when the file is not in its shape', async () => {
    const dir = writeTree(tempDir(), { 'x.json': SHARED });
    expect((await scanFile(join(dir, 'x.json'), 'kiro')).files[0]?.client).toBe('kiro');
    const r = await scanFile(join(dir, 'x.json'), 'codex');
    expect(r.errors[0]?.message).toMatch(/not a codex config/);
  });

  it('a missing --config file is an error', async () => {
    const r = await scanFile(join(tempDir(), 'nope.json'));
    expect(r.errors[0]).toMatchObject({ kind: 'read', message: expect.stringMatching(/no such file/) });
  });
});

describe('discoverText (in memory)', () => {
  it('parses text as if it were the named file, touching no file', async () => {
    const { discoverText } = await import('../../src/discovery/discover.js');
    const r = discoverText('/nowhere/.cursor/mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}\n');
    expect(r.files).toEqual([{ path: '/nowhere/.cursor/mcp.json', client: 'cursor', mode: 0o600, servers: 1 }]);
    expect(r.entries[0]).toMatchObject({ name: 'a', client: 'cursor', scope: 'file', line: 3 });
    expect(discoverText('/x/a.toml', '[mcp_servers.b]\ncommand = "y"\n').entries[0]).toMatchObject({ client: 'codex', line: 1, fieldLines: { command: 2 } });
  });
});
