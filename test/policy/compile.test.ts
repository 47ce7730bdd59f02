import { describe, expect, it } from 'vitest';
import { compilePolicy, parsePolicy } from '../../src/policy/index.js';

const policy = compilePolicy(
  parsePolicy(
    `version: 1
default: allow
servers:
  fs:
    expose: { allow: ["read_*", "write_file", "list_*"], deny: ["read_secret*"] }
    default: ask
  web:
    default: deny
rules:
  - id: fs-read
    server: fs
    tool: read_*
    action: allow
    args:
      path: { pathPrefix: [/srv/data, "/tmp/x y"] }
  - server: fs
    tool: write_file
    action: ask
    args:
      path: { pathPrefix: /srv/data, required: true }
      content: { maxSize: 10 }
  - server: web
    tool: fetch
    client: trusted-*
    action: allow
    args:
      url: { urlHost: [example.com, "*.github.com"] }
      /options/mode: { regex: "fast|slow" }
  - server: web
    tool: nuke
    action: deny
    reason: never
`,
    'p.yaml',
  ),
);

const call = (server: string, tool: string, args?: Record<string, unknown>, client = 'trusted-cli') => policy.decide({ server, tool, client, args });

describe('CompiledPolicy', () => {
  it('hides tools outside expose lists', () => {
    expect(policy.isExposed('fs', 'read_file')).toBe(true);
    expect(policy.isExposed('fs', 'read_secrets')).toBe(false);
    expect(policy.isExposed('fs', 'delete')).toBe(false);
    expect(policy.isExposed('other', 'anything')).toBe(true);
    expect(call('fs', 'delete')).toMatchObject({ action: 'deny', rule: 'servers.fs.expose' });
  });

  it('checks path prefixes on segment boundaries and after resolving ..', () => {
    expect(call('fs', 'read_file', { path: '/srv/data/a.txt' })).toMatchObject({ action: 'allow', rule: 'fs-read' });
    expect(call('fs', 'read_file', { path: '/srv/data' }).action).toBe('allow');
    expect(call('fs', 'read_file', { path: '/tmp/x y/z' }).action).toBe('allow');
    expect(call('fs', 'read_file', { path: '/srv/database/a' })).toMatchObject({ action: 'deny', reason: 'argument "path" is outside the allowed path prefixes' });
    expect(call('fs', 'read_file', { path: '/srv/data/../../etc/passwd' }).action).toBe('deny');
    expect(call('fs', 'read_file', { path: 'relative/a' }).reason).toMatch(/relative path/);
    expect(call('fs', 'read_file', { path: ['/srv/data/a', '/etc/shadow'] }).reason).toMatch(/has an element that is outside/);
    expect(call('fs', 'read_file', { path: 'file:///srv/data/a' }).action).toBe('allow');
    expect(call('fs', 'read_file', { path: '/srv/data/a\0b' }).action).toBe('deny');
  });

  it('applies ask rules only when constraints hold', () => {
    expect(call('fs', 'write_file', { path: '/srv/data/a', content: 'short' })).toMatchObject({ action: 'ask', rule: 'rules[1]' });
    expect(call('fs', 'write_file', { path: '/srv/data/a', content: 'much too long' }).reason).toMatch(/larger than 10 bytes/);
    expect(call('fs', 'write_file', { content: 'x' }).reason).toMatch(/required/);
  });

  it('checks URL hosts, regexes on pointers, and client globs', () => {
    expect(call('web', 'fetch', { url: 'https://example.com/a' }).action).toBe('allow');
    expect(call('web', 'fetch', { url: 'https://api.github.com/x' }).action).toBe('allow');
    expect(call('web', 'fetch', { url: 'https://github.com/x' }).action).toBe('deny');
    expect(call('web', 'fetch', { url: 'https://example.com@evil.test/' }).action).toBe('deny');
    expect(call('web', 'fetch', { url: 'https://example.com.evil.test/' }).action).toBe('deny');
    expect(call('web', 'fetch', { url: 'not a url' }).reason).toMatch(/absolute URL/);
    expect(call('web', 'fetch', { url: 'https://example.com', options: { mode: 'fast' } }).action).toBe('allow');
    expect(call('web', 'fetch', { url: 'https://example.com', options: { mode: 'fastest' } }).reason).toMatch(/options\/mode/);
    expect(call('web', 'fetch', { url: 'https://example.com' }, 'other-client')).toMatchObject({ action: 'deny', rule: 'servers.web.default' });
  });

  it('falls back to server and global defaults, and never echoes values in reasons', () => {
    expect(call('fs', 'list_dir')).toMatchObject({ action: 'ask', rule: 'servers.fs.default' });
    expect(call('web', 'nuke')).toMatchObject({ action: 'deny', reason: 'never' });
    expect(call('other', 'x')).toMatchObject({ action: 'allow', rule: 'default' });
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    expect(JSON.stringify(call('web', 'fetch', { url: secret }))).not.toContain(secret);
  });
});
