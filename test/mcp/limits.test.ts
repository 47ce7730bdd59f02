import { describe, expect, test } from 'vitest';
import { connectTimeoutFor, DEFAULT_LIMITS, isSlowLauncher } from '../../src/mcp/limits.js';

describe('connect timeouts', () => {
  test.each(['npx', '/usr/local/bin/npx', 'uvx', 'pipx', 'docker', 'bunx', 'npx.cmd', 'NPX.EXE'])('%s is a slow launcher: 60 s', (cmd) => {
    expect(isSlowLauncher(cmd)).toBe(true);
    expect(connectTimeoutFor(cmd, DEFAULT_LIMITS)).toBe(60_000);
  });
  test.each(['node', 'python3', '/opt/server/bin/mcp-server', 'npx-wrapper'])('%s: 15 s', (cmd) => {
    expect(connectTimeoutFor(cmd, DEFAULT_LIMITS)).toBe(15_000);
  });
  test('remote servers: 15 s', () => {
    expect(connectTimeoutFor(undefined, DEFAULT_LIMITS)).toBe(15_000);
  });
  test('--connect-timeout overrides both', () => {
    expect(connectTimeoutFor('npx', { ...DEFAULT_LIMITS, connectTimeoutOverrideMs: 5 })).toBe(5);
    expect(connectTimeoutFor('node', { ...DEFAULT_LIMITS, connectTimeoutOverrideMs: 5 })).toBe(5);
  });
  test('per-request default is 30 s', () => {
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBe(30_000);
  });
});
