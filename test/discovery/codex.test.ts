import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const CONFIG = `model = "gpt-5-codex"

[mcp_servers.context7]
command = "npx"
args = ["-y", "@upstash/context7-mcp"]

[mcp_servers.context7.env]
CONTEXT7_API_KEY = "ctx7-literal"

[mcp_servers."figma.remote"]
url = "https://mcp.figma.com/mcp"
bearer_token_env_var = "FIGMA_TOKEN"
http_headers = { "X-Team" = "design" }
env_http_headers = { "X-Api-Key" = "FIGMA_KEY" }

[mcp_servers.off]
command = "off-mcp"
enabled = false
args = [
  "--flag",
  "value",
]
cwd = "/srv"

[profiles.fast]
model = "o4-mini"
`;

describe('CodexConfigAdapter', () => {
  for (const platform of PLATFORMS) {
    it(`reads [mcp_servers.*] from ~/.codex/config.toml on ${platform} with field lines`, async () => {
      const home = writeTree(tempDir(), { '.codex/config.toml': CONFIG });
      const r = await scanHome(home, { platform, clients: ['codex'] });
      expectNoErrors(r.errors);
      expect(names(r.entries)).toEqual(['context7', 'figma.remote', 'off']);
      const c7 = only(r.entries, 'context7');
      expect(c7).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', '@upstash/context7-mcp'], env: { CONTEXT7_API_KEY: 'ctx7-literal' }, pointer: '/mcp_servers/context7', line: lineOf(CONFIG, '[mcp_servers.context7]') });
      expect(c7.fieldLines).toMatchObject({ command: lineOf(CONFIG, 'command = "npx"'), 'args.0': lineOf(CONFIG, 'args = ["-y"'), 'env.CONTEXT7_API_KEY': lineOf(CONFIG, 'CONTEXT7_API_KEY') });
      const figma = only(r.entries, 'figma.remote');
      expect(figma).toMatchObject({
        transport: 'http',
        url: 'https://mcp.figma.com/mcp',
        headers: { 'X-Team': 'design', 'X-Api-Key': '${FIGMA_KEY}', Authorization: 'Bearer ${FIGMA_TOKEN}' },
        line: lineOf(CONFIG, '[mcp_servers."figma.remote"]'),
      });
      expect(figma.fieldLines).toMatchObject({ url: lineOf(CONFIG, 'url = '), 'headers.Authorization': lineOf(CONFIG, 'bearer_token_env_var'), 'headers.X-Team': lineOf(CONFIG, 'http_headers') });
      const off = only(r.entries, 'off');
      expect(off).toMatchObject({ disabled: true, args: ['--flag', 'value'], cwd: '/srv', fieldLines: { disabled: lineOf(CONFIG, 'enabled = false'), cwd: lineOf(CONFIG, 'cwd = '), 'args.0': lineOf(CONFIG, '"--flag"'), 'args.1': lineOf(CONFIG, '"value"') } });
    });
  }

  it('reads a literal bearer_token so a pasted secret is not missed', async () => {
    const home = writeTree(tempDir(), { '.codex/config.toml': '[mcp_servers.x]\nurl = "https://x/mcp"\nbearer_token = "sk-live-123"\n' });
    const r = await scanHome(home, { clients: ['codex'] });
    expect(only(r.entries, 'x').headers).toEqual({ Authorization: 'Bearer sk-live-123' });
  });

  it('reads the [mcp_servers] table written with inline tables and dotted keys', async () => {
    const text = '[mcp_servers]\ninline = { command = "a", args = ["b"] }\ndotted.command = "c"\n';
    const home = writeTree(tempDir(), { '.codex/config.toml': text });
    const r = await scanHome(home, { clients: ['codex'] });
    expectNoErrors(r.errors);
    expect(only(r.entries, 'inline')).toMatchObject({ command: 'a', args: ['b'], line: 2 });
    expect(only(r.entries, 'dotted')).toMatchObject({ command: 'c', line: 3, fieldLines: { command: 3 } });
  });

  it('follows $CODEX_HOME, project .codex/config.toml, and /etc/codex on Linux and macOS', async () => {
    const codexHome = writeTree(tempDir('warden-codex-'), { 'config.toml': '[mcp_servers.moved]\ncommand = "m"\n' });
    const proj = writeTree(tempDir('warden-proj-'), { '.codex/config.toml': '[mcp_servers.proj]\ncommand = "p"\n' });
    const root = writeTree(tempDir('warden-root-'), { 'etc/codex/config.toml': '[mcp_servers.sys]\ncommand = "s"\n', 'etc/codex/managed_config.toml': '[mcp_servers.managed]\nurl = "https://corp/mcp"\n' });
    const r = await scanHome(tempDir(), { clients: ['codex'], env: { CODEX_HOME: codexHome }, projects: [proj], systemRoot: root, platform: 'darwin' });
    expectNoErrors(r.errors);
    expect(r.entries.map((e) => `${e.name}:${e.scope}`).sort()).toEqual(['managed:managed', 'moved:user', 'proj:project', 'sys:managed']);
  });

  it('is what --config picks for a TOML file with mcp_servers', async () => {
    const dir = writeTree(tempDir(), { 'codex.toml': CONFIG });
    const r = await scanFile(join(dir, 'codex.toml'));
    expect(r.files[0]?.client).toBe('codex');
    expect(r.entries).toHaveLength(3);
  });
});
