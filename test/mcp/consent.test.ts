import { describe, expect, test } from 'vitest';
import { askConsent, describeLaunch, type LaunchDescription } from '../../src/mcp/consent.js';

const launch: LaunchDescription = {
  server: 'github',
  client: 'claude-desktop',
  configFile: '/home/u/.config/Claude/claude_desktop_config.json',
  line: 4,
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github', '--token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'two words'],
  cwd: '/tmp/w',
  envNames: ['GITHUB_TOKEN', 'PATH'],
  sandbox: 'on (network: registry.npmjs.org)',
  launches: 2,
};

describe('askConsent', () => {
  test('--allow-server names a server', async () => {
    expect(await askConsent(launch, { yes: false, allowServers: ['github'] })).toEqual({ granted: true, via: 'allow-server' });
  });
  test('--allow-server for another server is not consent for this one', async () => {
    expect((await askConsent(launch, { yes: false, allowServers: ['other'] })).granted).toBe(false);
  });
  test('--yes', async () => {
    expect(await askConsent(launch, { yes: true, allowServers: [] })).toEqual({ granted: true, via: 'yes' });
  });
  test('a prompt that says yes / no', async () => {
    expect(await askConsent(launch, { yes: false, allowServers: [], prompt: async () => true })).toEqual({ granted: true, via: 'prompt' });
    expect(await askConsent(launch, { yes: false, allowServers: [], prompt: async () => false })).toEqual({ granted: false, reason: 'not started: declined at the consent prompt' });
  });
  test('no prompt (no terminal) and no flag: refused, with the flags to use', async () => {
    const r = await askConsent(launch, { yes: false, allowServers: [] });
    expect(r).toEqual({ granted: false, reason: 'not started: a local server runs only with consent; re-run with --allow-server "github" or --yes (or on a terminal, to be asked)' });
  });
  test('flags win over the prompt: it is not asked', async () => {
    let asked = false;
    await askConsent(launch, { yes: true, allowServers: [], prompt: async () => (asked = true) });
    expect(asked).toBe(false);
  });
});

describe('describeLaunch', () => {
  test('full command line, cwd, env names only, secrets in arguments redacted', () => {
    const lines = describeLaunch(launch).split('\n');
    expect(lines[0]).toBe('mcp-warden wants to start the MCP server "github" (claude-desktop, /home/u/.config/Claude/claude_desktop_config.json:4):');
    expect(lines[1]).toBe('  command: npx');
    expect(lines[2]).toMatch(/^ {2}args: {4}-y @modelcontextprotocol\/server-github --token \S+ "two words"$/);
    expect(lines[2]).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(lines.slice(3)).toEqual(['  cwd:     /tmp/w', '  env:     GITHUB_TOKEN=<redacted> PATH=<redacted>', '  sandbox: on (network: registry.npmjs.org)', '  starts:  2 (one per --identify-as identity)']);
  });
});
