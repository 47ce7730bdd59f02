import { describe, expect, test } from 'vitest';
import { buildSandboxPolicy, describePolicy, PACKAGE_MANAGER_HOSTS } from '../../src/sandbox/policy.js';
import { shellQuote } from '../../src/sandbox/runtime.js';

describe('buildSandboxPolicy', () => {
  const policy = buildSandboxPolicy({ home: '/home/u', tempDir: '/tmp/run', extraDenyRead: ['/home/u/.config/Claude/claude_desktop_config.json'] });

  test('network: the package registries only', () => {
    expect(policy.allowedHosts).toEqual([...PACKAGE_MANAGER_HOSTS]);
    expect(policy.allowedHosts).toContain('registry.npmjs.org');
  });
  test('extra hosts are added; hosts can be replaced (none at all)', () => {
    expect(buildSandboxPolicy({ home: '/h', tempDir: '/t', extraHosts: ['api.example.com'] }).allowedHosts).toContain('api.example.com');
    expect(buildSandboxPolicy({ home: '/h', tempDir: '/t', hosts: [] }).allowedHosts).toEqual([]);
  });
  test('secrets, browser profiles and client configs are hidden', () => {
    for (const p of ['/home/u/.ssh', '/home/u/.aws', '/home/u/.gnupg', '/home/u/.mozilla', '/home/u/.config/google-chrome', '/home/u/.claude.json', '/home/u/.cursor', '/home/u/Library/Application Support/Claude', '/home/u/.config/Claude/claude_desktop_config.json']) {
      expect(policy.denyRead).toContain(p);
    }
  });
  test('writes: the temp dir and package caches, nothing else under home', () => {
    expect(policy.allowWrite[0]).toBe('/tmp/run');
    expect(policy.allowWrite).toContain('/home/u/.npm');
    expect(policy.allowWrite).toContain('/home/u/.cache/uv');
    expect(policy.allowWrite.filter((p) => p.startsWith('/home/u/.ssh') || p === '/home/u')).toEqual([]);
  });
  test('summary line', () => {
    expect(describePolicy(policy)).toMatch(/^writes: temp dir and package caches only; secrets and client configs hidden \(\d+ paths\); network: registry\.npmjs\.org, /);
    expect(describePolicy(buildSandboxPolicy({ home: '/h', tempDir: '/t', hosts: [] }))).toMatch(/network: none$/);
  });
});

describe('shellQuote', () => {
  test.each([
    ['plain', 'plain'],
    ['@scope/pkg@1.2.3', '@scope/pkg@1.2.3'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf ~)', "'$(rm -rf ~)'"],
    ['`id`', "'`id`'"],
    ['', "''"],
  ])('%s -> %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});
