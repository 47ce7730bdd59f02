import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../../src/discovery/index.js';
import { tempDir, writeTree } from '../discovery/helpers.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('mcp-warden clients', () => {
  it('lists every client with the paths checked for the chosen OS, marking which exist', () => {
    const home = writeTree(tempDir(), { 'AppData/Roaming/Claude/claude_desktop_config.json': '{}', '.cursor/mcp.json': '{}' });
    const root = tempDir('warden-root-');
    const r = run(['clients', '--home', home, '--platform', 'win32', '--system-root', root]);
    expect(r.status).toBe(0);
    for (const id of CLIENT_IDS) expect(r.stdout).toContain(`(${id})`);
    expect(r.stdout).toMatch(new RegExp(`found\\s+user\\s+${join(home, 'AppData', 'Roaming', 'Claude', 'claude_desktop_config.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(r.stdout).toMatch(new RegExp(`-\\s+managed\\s+${join(root, 'Program Files', 'ClaudeCode', 'managed-mcp.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(r.stdout).toMatch(/18 clients, \d+ locations checked for win32 under .*; 2 present\./);
  });

  it('prints JSON with a status per location, including paths found through Claude Code projects', () => {
    const proj = writeTree(tempDir('warden-proj-'), { '.mcp.json': '{}' });
    const home = writeTree(tempDir(), { '.claude.json': JSON.stringify({ projects: { [proj]: {} } }) });
    const r = run(['clients', '--home', home, '--client', 'claude-code', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { clients: Array<{ id: string; locations: Array<{ path: string; status: string; via?: string; scope: string }> }> };
    expect(out.clients.map((c) => c.id)).toEqual(['claude-code']);
    expect(out.clients[0]?.locations).toContainEqual(expect.objectContaining({ path: join(proj, '.mcp.json'), status: 'found', scope: 'project', via: join(home, '.claude.json') }));
  });

  it('rejects an unknown client with exit 2 and the list of valid ids', () => {
    const r = run(['clients', '--client', 'notepad']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown client "notepad"; valid ids: claude-desktop, claude-code, cursor');
  });
});
