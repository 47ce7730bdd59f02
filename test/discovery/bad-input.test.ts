/**
 * Bad input never crashes a scan, never hangs it and is never silently "clean": each problem is a
 * ScanError naming the file (and line where there is one), and the other files are still read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoErrors, lineOf, names, only, scanFile, scanHome, tempDir, writeTree } from './helpers.js';

const GOOD_CURSOR = '{ "mcpServers": { "still-found": { "command": "ok" } } }';

describe('malformed files', () => {
  const cases = [
    { what: 'JSON', file: '.config/Claude/claude_desktop_config.json', text: '{\n  "mcpServers": {\n    "a": { "command": \n  }\n', reason: /invalid JSON: value expected/, line: 4 },
    { what: 'JSONC', file: '.config/Code/User/settings.json', text: '{\n  // fine\n  "mcp": { "servers": {\n    "a": { "command": "x" }}\n  } oops\n}\n', reason: /invalid JSONC: /, line: 5 },
    { what: 'TOML', file: '.codex/config.toml', text: '[mcp_servers.a]\ncommand = "x"\nargs = ["unterminated\n', reason: /invalid TOML: /, line: 3 },
    { what: 'YAML', file: '.config/goose/config.yaml', text: 'extensions:\n  a:\n    cmd: x\n   bad: [\n', reason: /invalid YAML: /, line: 4 },
  ];
  for (const c of cases) {
    it(`reports malformed ${c.what} with file, line and reason, and goes on`, async () => {
      const home = writeTree(tempDir(), { [c.file]: c.text, '.cursor/mcp.json': GOOD_CURSOR });
      const r = await scanHome(home);
      expect(r.errors).toHaveLength(1);
      const err = r.errors[0];
      expect(err).toMatchObject({ kind: 'parse', source: join(home, ...c.file.split('/')), line: c.line });
      expect(err?.message).toMatch(c.reason);
      expect(err?.message.startsWith(`${join(home, ...c.file.split('/'))}:${c.line}: `)).toBe(true);
      expect(names(r.entries)).toEqual(['still-found']);
    });
  }

  it('survives hostile nesting: 200,000 levels of brackets in JSON and in JSONC', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const home = writeTree(tempDir(), {
      '.cursor/mcp.json': `{ "mcpServers": { "deep": { "command": "x", "args": ${deep} } } }`,
      '.kiro/settings/mcp.json': `// JSONC takes the slower parser\n${deep}`,
    });
    const r = await scanHome(home, { clients: ['cursor', 'kiro'] });
    expect(r.errors.map((e) => [e.client, e.kind])).toEqual([
      ['cursor', 'invalid'],
      ['kiro', 'parse'],
    ]);
    expect(r.errors[0]?.message).toMatch(/args\[0\] should be a string, found an array/);
    expect(r.errors[1]?.message).toMatch(/nesting too deep/);
  });

  it('reports a YAML alias bomb instead of expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'extensions: *i'].join('\n');
    const home = writeTree(tempDir(), { '.config/goose/config.yaml': bomb });
    const r = await scanHome(home, { clients: ['goose'] });
    expect(r.entries).toEqual([]);
    expect(r.errors[0]).toMatchObject({ kind: 'parse' });
  });

  it('reports an empty --config file, but an empty discovered file declares nothing', async () => {
    const dir = writeTree(tempDir(), { 'empty.json': '  \n' });
    expect((await scanFile(join(dir, 'empty.json'))).errors[0]).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/empty file/) });
    const home = writeTree(tempDir(), { '.cursor/mcp.json': '' });
    expectNoErrors((await scanHome(home, { clients: ['cursor'] })).errors);
  });
});

describe('wrong shapes', () => {
  async function cursorErrors(text: string) {
    const home = writeTree(tempDir(), { '.cursor/mcp.json': text });
    return scanHome(home, { clients: ['cursor'] });
  }

  it('mcpServers is an array', async () => {
    const r = await cursorErrors('{\n  "mcpServers": [\n    { "command": "x" }\n  ]\n}\n');
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'invalid', line: 2, client: 'cursor', message: expect.stringMatching(/"mcpServers" should be an object of servers, found an array/) })]);
  });

  it('a server is a string, another is fine', async () => {
    const text = '{\n  "mcpServers": {\n    "bad": "npx -y thing",\n    "good": { "command": "ok" }\n  }\n}\n';
    const r = await cursorErrors(text);
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'invalid', server: 'bad', line: 3, message: expect.stringMatching(/server "bad" should be an object, found a string/) })]);
    expect(names(r.entries)).toEqual(['good']);
  });

  it('the top level is an array', async () => {
    const r = await cursorErrors('[{ "command": "x" }]');
    expect(r.errors[0]?.message).toMatch(/top level should be an object, found an array/);
  });

  it('args is a string, env is a list, a header is an object: reported, and the server still checked', async () => {
    const text = '{\n  "mcpServers": {\n    "s": {\n      "command": "npx",\n      "args": "-y pkg",\n      "env": ["A=1"],\n      "url": "https://x/mcp",\n      "headers": { "X": { "nested": true } }\n    }\n  }\n}\n';
    const r = await cursorErrors(text);
    expect(r.errors.map((e) => [e.line, e.message.replace(/^.*?: /, '')])).toEqual([
      [lineOf(text, '"args"'), 'server "s": "args" should be a list of strings, found a string (read as one argument)'],
      [lineOf(text, '"env"'), 'server "s": "env" should be an object of strings, found an array'],
      [lineOf(text, '"X"'), 'server "s": headers.X should be a string, found an object'],
    ]);
    expect(only(r.entries, 's')).toMatchObject({ args: ['-y pkg'], env: {} });
  });

  it('a transport mcp-warden cannot check, and a server with no command or URL', async () => {
    const text = '{\n  "mcpServers": {\n    "ws": { "type": "ws", "url": "wss://x" },\n    "empty": { "env": {} }\n  }\n}\n';
    const r = await cursorErrors(text);
    expect(r.entries).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[0]?.message).toMatch(/transport type "ws" is not one mcp-warden can check/);
    expect(r.errors[1]?.message).toMatch(/declares neither a command nor a URL/);
  });

  it('disabled is not a boolean', async () => {
    const r = await cursorErrors('{ "mcpServers": { "s": { "command": "x", "disabled": "yes" } } }');
    expect(r.errors[0]?.message).toMatch(/"disabled" should be true or false, found a string/);
    expect(only(r.entries, 's').disabled).toBe(false);
  });

  it('Codex mcp_servers is not a table, and a server is a string', async () => {
    const home = writeTree(tempDir(), { '.codex/config.toml': 'mcp_servers = "none"\n' });
    expect((await scanHome(home, { clients: ['codex'] })).errors[0]?.message).toMatch(/"mcp_servers" should be a table of servers, found a string/);
    const home2 = writeTree(tempDir(), { '.codex/config.toml': '[mcp_servers]\nx = "npx thing"\n' });
    expect((await scanHome(home2, { clients: ['codex'] })).errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/server "x" should be a table, found a string/) });
  });

  it('Continue mcpServers list items that are not objects, and Zed context_servers as a list', async () => {
    const home = writeTree(tempDir(), { '.continue/config.yaml': 'mcpServers:\n  - just a string\n', '.config/zed/settings.json': '{ "context_servers": [] }' });
    const r = await scanHome(home, { clients: ['continue', 'zed'] });
    expect(r.errors.map((e) => e.message.replace(/^.*?: /, ''))).toEqual(['"context_servers" should be an object of servers, found an array', 'server #1 should be an object, found a string']);
  });
});

describe('file-system surprises during discovery', () => {
  it('a directory where a config file is expected, and a file where a drop-in folder is expected', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.cursor', 'mcp.json'), { recursive: true });
    mkdirSync(join(home, '.continue'), { recursive: true });
    writeFileSync(join(home, '.continue', 'mcpServers'), 'not a folder');
    const r = await scanHome(home, { clients: ['cursor', 'continue'] });
    expect(r.errors.map((e) => [e.client, e.message.replace(/^.*?: /, '')])).toEqual([
      ['cursor', 'is a directory, expected a config file'],
      ['continue', 'is a file, expected a directory of config files'],
    ]);
  });

  it('a config file over 10 MB is reported and the rest of the scan goes on', async () => {
    const home = writeTree(tempDir(), { '.cursor/mcp.json': GOOD_CURSOR, '.codeium/windsurf/mcp_config.json': `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}` });
    const r = await scanHome(home);
    expect(r.errors).toEqual([expect.objectContaining({ kind: 'too-large', client: 'windsurf' })]);
    expect(names(r.entries)).toEqual(['still-found']);
  });
});
