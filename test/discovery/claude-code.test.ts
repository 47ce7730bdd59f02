import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, PLATFORMS, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

function userConfig(projectA: string, projectB: string): string {
  return `{
  "numStartups": 12,
  "mcpServers": {
    "github": {
      "type": "http",
      "url": "https://api.githubcopilot.com/mcp/",
      "headers": { "Authorization": "Bearer \${GITHUB_PAT}" }
    },
    "memory": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }
  },
  "projects": {
    ${JSON.stringify(projectA)}: {
      "allowedTools": [],
      "mcpServers": {
        "db": { "command": "psql-mcp", "env": { "PGPASSWORD": "hunter2" } },
        "legacy": { "type": "sse", "url": "https://legacy.example.com/sse" }
      },
      "disabledMcpServers": ["legacy"],
      "disabledMcpjsonServers": ["rejected"]
    },
    ${JSON.stringify(projectB)}: { "history": [] }
  }
}
`;
}

const PROJECT_MCP = `{
  "mcpServers": {
    "approved": { "command": "node", "args": ["server.js"] },
    "rejected": { "command": "curl", "args": ["https://example.com/install.sh"] }
  }
}
`;

describe('ClaudeCodeConfigAdapter', () => {
  it('reads ~/.claude.json user servers and projects.<dir> servers with the project noted', async () => {
    const projA = tempDir('warden-proj-');
    const projB = tempDir('warden-proj-');
    const text = userConfig(projA, projB);
    const home = writeTree(tempDir(), { '.claude.json': text });
    const r = await scanHome(home, { clients: ['claude-code'] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['db', 'github', 'legacy', 'memory']);
    expect(only(r.entries, 'github')).toMatchObject({
      scope: 'user',
      transport: 'http',
      url: 'https://api.githubcopilot.com/mcp/',
      headers: { Authorization: 'Bearer ${GITHUB_PAT}' },
      line: lineOf(text, '"github"'),
      fieldLines: { url: lineOf(text, '"url": "https://api.github'), 'headers.Authorization': lineOf(text, '"Authorization"') },
    });
    expect(only(r.entries, 'memory').project).toBeUndefined();
    const db = only(r.entries, 'db');
    expect(db).toMatchObject({ scope: 'project', project: projA, command: 'psql-mcp', env: { PGPASSWORD: 'hunter2' }, pointer: `/projects/${projA.replace(/~/g, '~0').replace(/\//g, '~1')}/mcpServers/db` });
    expect(db.fieldLines['env.PGPASSWORD']).toBe(lineOf(text, '"PGPASSWORD"'));
    expect(only(r.entries, 'legacy')).toMatchObject({ transport: 'sse', disabled: true, project: projA });
  });

  it('follows the projects list to each project .mcp.json and applies its disabled list', async () => {
    const projA = writeTree(tempDir('warden-proj-'), { '.mcp.json': PROJECT_MCP });
    const projB = tempDir('warden-proj-');
    const home = writeTree(tempDir(), { '.claude.json': userConfig(projA, projB) });
    const r = await scanHome(home, { clients: ['claude-code'] });
    expectNoErrors(r.errors);
    const approved = only(r.entries, 'approved');
    expect(approved).toMatchObject({ scope: 'project', project: projA, configFile: join(projA, '.mcp.json'), disabled: false, line: lineOf(PROJECT_MCP, '"approved"') });
    expect(only(r.entries, 'rejected').disabled).toBe(true);
  });

  it('reads a --project .mcp.json once even when ~/.claude.json lists the same project', async () => {
    const projA = writeTree(tempDir('warden-proj-'), { '.mcp.json': PROJECT_MCP });
    const home = writeTree(tempDir(), { '.claude.json': userConfig(projA, tempDir()) });
    const r = await scanHome(home, { clients: ['claude-code'], projects: [projA, projA] });
    expect(r.entries.filter((e) => e.name === 'approved')).toHaveLength(1);
    expect(r.files.filter((f) => f.path === join(projA, '.mcp.json'))).toHaveLength(1);
  });

  it('reads --project .mcp.json on its own', async () => {
    const proj = writeTree(tempDir('warden-proj-'), { '.mcp.json': PROJECT_MCP });
    const r = await scanHome(tempDir(), { clients: ['claude-code'], projects: [proj] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['approved', 'rejected']);
    expect(r.entries.every((e) => e.scope === 'project' && e.project === proj && !e.disabled)).toBe(true);
  });

  const MANAGED: Record<string, string> = {
    darwin: 'Library/Application Support/ClaudeCode/managed-mcp.json',
    linux: 'etc/claude-code/managed-mcp.json',
    win32: 'Program Files/ClaudeCode/managed-mcp.json',
  };
  for (const platform of PLATFORMS) {
    it(`reads managed-mcp.json from the ${platform} managed folder`, async () => {
      const root = writeTree(tempDir('warden-root-'), { [MANAGED[platform] as string]: '{ "mcpServers": { "corp": { "type": "http", "url": "https://mcp.corp.example/mcp" } } }' });
      const r = await scanHome(tempDir(), { platform, clients: ['claude-code'], systemRoot: root });
      expectNoErrors(r.errors);
      expect(only(r.entries, 'corp')).toMatchObject({ scope: 'managed', transport: 'http' });
    });
  }

  it('reads the older Windows ProgramData managed location too', async () => {
    const root = writeTree(tempDir('warden-root-'), { 'ProgramData/ClaudeCode/managed-mcp.json': '{ "mcpServers": { "old": { "command": "x" } } }' });
    const r = await scanHome(tempDir(), { platform: 'win32', clients: ['claude-code'], systemRoot: root });
    expect(only(r.entries, 'old').scope).toBe('managed');
  });

  it('reads installed plugins: .mcp.json (wrapped or bare), inline plugin.json, and plugin.json paths', async () => {
    const home = tempDir();
    const cache = join(home, '.claude', 'plugins', 'cache', 'market');
    writeTree(cache, {
      'alpha/1.0.0/.mcp.json': '{ "mcpServers": { "alpha-db": { "command": "${CLAUDE_PLUGIN_ROOT}/bin/db" } } }',
      'beta/2.0.0/.mcp.json': '{ "beta-api": { "type": "http", "url": "https://beta.example/mcp" } }',
      'gamma/0.1.0/.claude-plugin/plugin.json': '{ "name": "gamma", "mcpServers": { "gamma-tool": { "command": "gamma" } } }',
      'delta/0.1.0/.claude-plugin/plugin.json': '{ "name": "delta", "mcpServers": "${CLAUDE_PLUGIN_ROOT}/config/servers.json" }',
      'delta/0.1.0/config/servers.json': '{ "mcpServers": { "delta-srv": { "command": "delta" } } }',
    });
    const installed = {
      version: 2,
      plugins: {
        'alpha@market': [{ scope: 'user', installPath: join(cache, 'alpha', '1.0.0'), version: '1.0.0' }],
        'beta@market': [{ scope: 'project', installPath: join(cache, 'beta', '2.0.0'), projectPath: '/work/repo' }],
        'gamma@market': [{ scope: 'user', installPath: join(cache, 'gamma', '0.1.0') }],
        'delta@market': [{ scope: 'user', installPath: join(cache, 'delta', '0.1.0') }],
      },
    };
    writeTree(home, { '.claude/plugins/installed_plugins.json': JSON.stringify(installed, null, 2) });
    const r = await scanHome(home, { clients: ['claude-code'] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['alpha-db', 'beta-api', 'delta-srv', 'gamma-tool']);
    expect(r.entries.every((e) => e.scope === 'plugin')).toBe(true);
    expect(only(r.entries, 'alpha-db').command).toBe('${CLAUDE_PLUGIN_ROOT}/bin/db');
    expect(only(r.entries, 'beta-api')).toMatchObject({ transport: 'http', project: '/work/repo' });
    expect(only(r.entries, 'delta-srv').configFile).toBe(join(cache, 'delta', '0.1.0', 'config', 'servers.json'));
  });

  it('walks the plugin cache for plugins the installed list does not name, reading listed ones once', async () => {
    const home = tempDir();
    const cache = join(home, '.claude', 'plugins', 'cache');
    writeTree(cache, {
      'mkt/listed/1.0.0/.mcp.json': '{ "mcpServers": { "listed-srv": { "command": "l" } } }',
      'mkt/unlisted/2.0.0/.claude-plugin/plugin.json': '{ "name": "unlisted", "mcpServers": { "unlisted-srv": { "command": "u" } } }',
      'mkt/unlisted/2.0.0/node_modules/dep/.mcp.json': '{ "mcpServers": { "from-node-modules": { "command": "n" } } }',
    });
    writeTree(home, { '.claude/plugins/installed_plugins.json': JSON.stringify({ version: 2, plugins: { 'listed@mkt': [{ scope: 'user', installPath: join(cache, 'mkt', 'listed', '1.0.0') }] } }) });
    const r = await scanHome(home, { clients: ['claude-code'] });
    expectNoErrors(r.errors);
    expect(names(r.entries)).toEqual(['listed-srv', 'unlisted-srv']);
    expect(r.entries.every((e) => e.scope === 'plugin')).toBe(true);
  });

  it('reads version 1 installed_plugins.json (one entry per plugin)', async () => {
    const home = tempDir();
    const root = join(home, 'plug');
    writeTree(home, {
      'plug/.mcp.json': '{ "mcpServers": { "v1": { "command": "v1" } } }',
      '.claude/plugins/installed_plugins.json': JSON.stringify({ version: 1, plugins: { 'v1@m': { version: '1', installPath: root } } }),
    });
    const r = await scanHome(home, { clients: ['claude-code'] });
    expect(only(r.entries, 'v1').scope).toBe('plugin');
  });

  it('follows $CLAUDE_CONFIG_DIR for .claude.json and plugins', async () => {
    const dir = writeTree(tempDir('warden-ccd-'), { '.claude.json': '{ "mcpServers": { "moved": { "command": "x" } } }' });
    const r = await scanHome(tempDir(), { clients: ['claude-code'], env: { CLAUDE_CONFIG_DIR: dir } });
    expect(names(r.entries)).toEqual(['moved']);
  });

  it('is what --config picks for .claude.json and .mcp.json', async () => {
    const proj = tempDir('warden-proj-');
    const dir = writeTree(tempDir(), { '.claude.json': userConfig(proj, tempDir()), 'repo/.mcp.json': PROJECT_MCP });
    const user = await scanFile(join(dir, '.claude.json'));
    expect(user.files[0]?.client).toBe('claude-code');
    expect(names(user.entries)).toEqual(['db', 'github', 'legacy', 'memory']);
    expect(only(user.entries, 'db')).toMatchObject({ scope: 'file', project: proj });
    const project = await scanFile(join(dir, 'repo', '.mcp.json'));
    expect(project.files[0]?.client).toBe('claude-code');
  });
});
