/** The discovery flags of `scan`: --home, --platform, --project, --client, --system-root, --config. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/index.js';
import { tempDir, writeTree } from '../discovery/helpers.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const json = (args: string[]) => {
  const r = run([...args, '--format', 'json']);
  return { status: r.status, report: JSON.parse(r.stdout) as ScanReport, stderr: r.stderr };
};

describe('scan discovery flags', () => {
  it('lays out a fixture home as macOS, Linux or Windows with --platform', () => {
    const home = writeTree(tempDir(), {
      'Library/Application Support/Claude/claude_desktop_config.json': '{ "mcpServers": { "mac": { "command": "m" } } }',
      '.config/Claude/claude_desktop_config.json': '{ "mcpServers": { "linux": { "command": "l" } } }',
      'AppData/Roaming/Claude/claude_desktop_config.json': '{ "mcpServers": { "win": { "command": "w" } } }',
    });
    const root = tempDir('warden-root-');
    for (const [platform, name] of [['darwin', 'mac'], ['linux', 'linux'], ['win32', 'win']]) {
      const { status, report } = json(['scan', '--home', home, '--platform', platform as string, '--system-root', root]);
      expect(status).toBe(0);
      expect(report.servers.map((s) => s.name)).toEqual([name]);
    }
  });

  it('adds project scopes with --project and narrows with --client', () => {
    const proj = writeTree(tempDir('warden-proj-'), { '.cursor/mcp.json': '{ "mcpServers": { "p": { "command": "p" } } }', '.vscode/mcp.json': '{ "servers": { "v": { "command": "v" } } }' });
    const home = tempDir();
    const { report } = json(['scan', '--home', home, '--project', proj, '--client', 'vscode', '--system-root', tempDir()]);
    expect(report.servers).toEqual([expect.objectContaining({ name: 'v', client: 'vscode', scope: 'project' })]);
  });

  it('rejects an unknown --client with exit 2 listing the valid ids', () => {
    const r = run(['scan', '--client', 'vim']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown client "vim"; valid ids: claude-desktop, claude-code, .*antigravity/);
  });

  it('rejects a --home, --project or --system-root that is not a directory (exit 2): a typo must not scan nothing and say clean', () => {
    const home = tempDir();
    const file = join(writeTree(tempDir(), { 'f.json': '{}' }), 'f.json');
    for (const [flag, value, reason] of [
      ['--home', join(home, 'typo'), 'no such directory'],
      ['--project', join(home, 'typo'), 'no such directory'],
      ['--system-root', join(home, 'typo'), 'no such directory'],
      ['--home', file, 'not a directory'],
    ] as const) {
      const args = flag === '--home' ? ['scan', flag, value] : ['scan', '--home', home, flag, value];
      const r = run(args);
      expect(r.status, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toContain(`${reason}: ${value}`);
      const c = run(['clients', ...args.slice(1)]);
      expect(c.status, `clients ${flag} ${value}`).toBe(2);
    }
  });

  it('goes on past a malformed file, lists it with file and line, and exits 3', () => {
    const home = writeTree(tempDir(), { '.codex/config.toml': '[mcp_servers.a]\ncommand = \n', '.cursor/mcp.json': '{ "mcpServers": { "ok": { "command": "ok" } } }' });
    const { status, report } = json(['scan', '--home', home, '--system-root', tempDir()]);
    expect(status).toBe(3);
    expect(report.complete).toBe(false);
    expect(report.servers.map((s) => s.name)).toEqual(['ok']);
    expect(report.errors).toEqual([expect.objectContaining({ kind: 'parse', client: 'codex', source: join(home, '.codex', 'config.toml'), line: 2 })]);
  });

  it('reads a repeated --config file once', () => {
    const dir = writeTree(tempDir(), { 'mcp.json': '{ "mcpServers": { "once": { "command": "x" } } }' });
    const f = join(dir, 'mcp.json');
    const { report } = json(['scan', '--config', f, '--config', f]);
    expect(report.servers.map((s) => s.name)).toEqual(['once']);
  });

  it('names the project of project-scoped servers in the report', () => {
    const proj = tempDir('warden-proj-');
    const home = writeTree(tempDir(), { '.claude.json': JSON.stringify({ projects: { [proj]: { mcpServers: { local: { command: 'x' } } } } }) });
    const { report } = json(['scan', '--home', home, '--client', 'claude-code', '--system-root', tempDir()]);
    expect(report.servers).toEqual([expect.objectContaining({ name: 'local', scope: 'project', project: proj })]);
  });
});
