/**
 * @fileoverview Precision over realistic configs: a home and a project set up the way the install
 * instructions of popular MCP servers suggest (GitHub, filesystem, fetch, git, time, memory,
 * Playwright, Context7, Brave, Linear via mcp-remote, Sentry, Postgres, SQLite, Zed, Continue,
 * Goose, Codex, Gemini CLI, VS Code inputs), with the good habits the rules ask for: versions
 * pinned, images by digest, credentials from the environment or the client's secret inputs, files
 * granted per project. The full scan (discovery + every config rule) must report nothing at all,
 * and must be complete. Remote servers that rely on OAuth are covered separately: the config
 * cannot show their auth, so `config/remote-without-auth` notes them at low severity, by design.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../../../src/app/scan.js';

const root = mkdtempSync(join(tmpdir(), 'mcp-warden-benign-'));
const home = join(root, 'home', 'dev');
const project = join(home, 'projects', 'shop');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DIGEST = `sha256:${'3f'.repeat(32)}`;

function put(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}

const FILES: Record<string, string> = {
  [join(home, '.config/Claude/claude_desktop_config.json')]: JSON.stringify(
    {
      mcpServers: {
        filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', join(home, 'projects/shop'), join(home, 'Documents/notes')] },
        memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.8.4'], env: { MEMORY_FILE_PATH: join(home, '.local/share/mcp/memory.json') } },
        github: {
          command: 'docker',
          args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', '-e', 'GITHUB_TOOLSETS=repos,issues,pull_requests', `ghcr.io/github/github-mcp-server@${DIGEST}`],
        },
        fetch: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7', '--ignore-robots-txt'] },
        git: { command: 'uvx', args: ['mcp-server-git==2025.7.1', '--repository', project] },
        time: { command: 'uvx', args: ['mcp-server-time==0.6.2', '--local-timezone=Europe/Paris'] },
        postgres: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', 'postgresql://localhost:5432/shop_dev'] },
        puppeteer: { command: 'docker', args: ['run', '-i', '--rm', '--init', '-e', 'DOCKER_CONTAINER=true', `mcp/puppeteer@${DIGEST}`] },
        'local-notes': { command: 'node', args: [join(home, 'src/notes-mcp/dist/index.js'), '--verbose'] },
        'python-tools': { command: 'python3', args: ['-m', 'shop_tools.mcp', '--transport', 'stdio'], cwd: project },
      },
    },
    null,
    2,
  ),
  [join(home, '.cursor/mcp.json')]: JSON.stringify(
    {
      mcpServers: {
        linear: { command: 'npx', args: ['-y', 'mcp-remote@0.1.29', 'https://mcp.linear.app/sse'] },
        brave: { command: 'npx', args: ['-y', '@brave/brave-search-mcp-server@2.0.5'], env: { BRAVE_API_KEY: '${env:BRAVE_API_KEY}' } },
        playwright: { command: 'npx', args: ['@playwright/mcp@0.0.41', '--browser', 'chromium', '--headless'] },
      },
    },
    null,
    2,
  ),
  [join(home, '.claude.json')]: JSON.stringify(
    {
      numStartups: 12,
      mcpServers: {
        sentry: { type: 'http', url: 'https://mcp.sentry.dev/mcp', headers: { Authorization: 'Bearer ${SENTRY_ACCESS_TOKEN}' } },
        context7: { type: 'stdio', command: 'npx', args: ['-y', '@upstash/context7-mcp@1.0.17'], env: {} },
      },
      projects: { [project]: { mcpServers: { 'shop-api': { type: 'http', url: 'http://localhost:8787/mcp' } } } },
    },
    null,
    2,
  ),
  [join(home, '.codex/config.toml')]: [
    'model = "gpt-5-codex"',
    '',
    '[mcp_servers.context7]',
    'command = "npx"',
    'args = ["-y", "@upstash/context7-mcp@1.0.17"]',
    '',
    '[mcp_servers.figma]',
    'url = "https://mcp.figma.com/mcp"',
    'bearer_token_env_var = "FIGMA_OAUTH_TOKEN"',
    '',
  ].join('\n'),
  [join(home, '.gemini/settings.json')]: JSON.stringify(
    { theme: 'GitHub', mcpServers: { github: { httpUrl: 'https://api.githubcopilot.com/mcp/', headers: { Authorization: 'Bearer $GITHUB_MCP_PAT' }, timeout: 5000 } } },
    null,
    2,
  ),
  [join(home, '.config/zed/settings.json')]: [
    '// Zed settings',
    '{',
    '  "theme": "One Dark",',
    '  "context_servers": {',
    '    "mcp-server-sqlite": {',
    '      "source": "custom",',
    '      "command": "uvx",',
    `      "args": ["mcp-server-sqlite==2025.4.25", "--db-path", "${join(home, 'data/shop.db')}"],`,
    '      "env": {}',
    '    },',
    '  },',
    '}',
  ].join('\n'),
  [join(home, '.continue/config.yaml')]: [
    'name: Local Assistant',
    'version: 1.0.0',
    'schema: v1',
    'mcpServers:',
    '  - name: Memory',
    '    command: npx',
    '    args:',
    '      - "-y"',
    '      - "@modelcontextprotocol/server-memory@2025.8.4"',
    '',
  ].join('\n'),
  [join(home, '.config/goose/config.yaml')]: [
    'GOOSE_PROVIDER: anthropic',
    'extensions:',
    '  developer:',
    '    enabled: true',
    '    name: developer',
    '    type: builtin',
    '    timeout: 300',
    '  fetch:',
    '    enabled: true',
    '    name: fetch',
    '    type: stdio',
    '    cmd: uvx',
    '    args: [mcp-server-fetch==2025.4.7]',
    '    envs: {}',
    '    timeout: 300',
    '',
  ].join('\n'),
  [join(project, '.vscode/mcp.json')]: JSON.stringify(
    {
      inputs: [
        { type: 'promptString', id: 'github_token', description: 'GitHub Personal Access Token', password: true },
        { type: 'promptString', id: 'perplexity-key', description: 'Perplexity API key', password: true },
      ],
      servers: {
        github: { type: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: { Authorization: 'Bearer ${input:github_token}' } },
        perplexity: { type: 'stdio', command: 'npx', args: ['-y', 'server-perplexity-ask@0.1.3'], env: { PERPLEXITY_API_KEY: '${input:perplexity-key}' } },
        fs: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '${workspaceFolder}'] },
      },
    },
    null,
    2,
  ),
  [join(project, '.mcp.json')]: JSON.stringify({ mcpServers: { stripe: { command: 'npx', args: ['-y', '@stripe/mcp@0.2.4', '--tools=all'], env: { STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY}' } } } }, null, 2),
};

/** What the user's shell has: the variables the configs above refer to. */
const ENV = {
  HOME: home,
  PATH: '/usr/bin:/bin',
  BRAVE_API_KEY: 'set',
  SENTRY_ACCESS_TOKEN: 'set',
  GITHUB_MCP_PAT: 'set',
  GITHUB_PERSONAL_ACCESS_TOKEN: 'set',
  FIGMA_OAUTH_TOKEN: 'set',
  STRIPE_SECRET_KEY: 'set',
};

for (const [path, text] of Object.entries(FILES)) put(path, text);

describe('benign real-world configs', () => {
  it('every config rule stays silent, and the scan is complete', async () => {
    const { report, entries } = await scan({ home, projects: [project], env: ENV, platform: 'linux', systemRoot: join(root, 'sysroot') });
    expect(report.errors).toEqual([]);
    expect(report.complete).toBe(true);
    // Every file above was found and every server read (no silent skip makes this pass).
    expect(new Set(entries.map((e) => e.configFile))).toEqual(new Set(Object.keys(FILES)));
    // 27 servers declared; Goose's builtin `developer` extension is part of Goose, not a server.
    expect(entries.length).toBe(26);
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.server}: ${f.message}`)).toEqual([]);
  });

  it('remote servers relying on OAuth are noted at low severity only', async () => {
    const file = join(root, 'oauth', 'mcp.json');
    put(
      file,
      JSON.stringify({
        mcpServers: {
          notion: { type: 'http', url: 'https://mcp.notion.com/mcp' },
          linear: { type: 'sse', url: 'https://mcp.linear.app/sse' },
          atlassian: { type: 'http', url: 'https://mcp.atlassian.com/v1/sse' },
        },
      }),
    );
    const { report } = await scan({ configFiles: [file], home, env: ENV, platform: 'linux' });
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.server]).sort()).toEqual([
      ['config/remote-without-auth', 'low', 'atlassian'],
      ['config/remote-without-auth', 'low', 'linear'],
      ['config/remote-without-auth', 'low', 'notion'],
    ]);
  });
});
