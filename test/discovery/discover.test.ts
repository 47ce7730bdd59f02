import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/discovery/index.js';
import { discoveryEnv } from '../../src/discovery/env.js';
import { isDirectoryCandidate } from '../../src/discovery/types.js';
import { expectNoErrors, names, PLATFORMS, scanHome, tempDir, writeTree } from './helpers.js';

describe('discover', () => {
  it('supports at least 16 clients, each with a docs link and a unique id', () => {
    expect(ADAPTERS.length).toBeGreaterThanOrEqual(16);
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    for (const a of ADAPTERS) expect(a.docs).toMatch(/^https:\/\//);
  });

  it('keeps every candidate path inside the fixture home or system root, on every OS', () => {
    for (const platform of PLATFORMS) {
      const home = '/fixture/home';
      const env = discoveryEnv({ home, platform, systemRoot: '/fixture/root', projects: ['/fixture/proj'] });
      for (const a of ADAPTERS) {
        for (const c of a.candidates(env)) {
          const p = isDirectoryCandidate(c) ? c.dir : c.path;
          expect(p.startsWith('/fixture/'), `${a.id} on ${platform}: ${p}`).toBe(true);
        }
      }
    }
  });

  it('reports the same server declared in two clients once per declaration', async () => {
    const decl = '{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] } } }';
    const home = writeTree(tempDir(), { '.cursor/mcp.json': decl, '.kiro/settings/mcp.json': decl });
    const r = await scanHome(home);
    expectNoErrors(r.errors);
    expect(r.entries.map((e) => `${e.name}:${e.client}`).sort()).toEqual(['github:cursor', 'github:kiro']);
  });

  it('reads a file reached twice (through a symlink from another client) once', async () => {
    const home = writeTree(tempDir(), { '.cursor/mcp.json': '{ "mcpServers": { "shared": { "command": "s" } } }' });
    writeTree(home, { '.codeium/windsurf/.keep': '' });
    symlinkSync(join(home, '.cursor', 'mcp.json'), join(home, '.codeium', 'windsurf', 'mcp_config.json'));
    const r = await scanHome(home);
    expectNoErrors(r.errors);
    expect(r.entries.map((e) => `${e.name}:${e.client}`)).toEqual(['shared:cursor']);
    expect(r.files).toHaveLength(1);
  });

  it('narrows to the clients asked for', async () => {
    const home = writeTree(tempDir(), { '.cursor/mcp.json': '{ "mcpServers": { "c": { "command": "c" } } }', '.kiro/settings/mcp.json': '{ "mcpServers": { "k": { "command": "k" } } }' });
    expect(names((await scanHome(home, { clients: ['kiro'] })).entries)).toEqual(['k']);
  });

  it('finds nothing and reports nothing in an empty home on every OS', async () => {
    for (const platform of PLATFORMS) {
      const r = await scanHome(tempDir(), { platform, projects: [tempDir('warden-proj-')] });
      expect(r).toEqual({ entries: [], errors: [], files: [] });
    }
  });
});
