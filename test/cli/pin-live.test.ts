// `pin --live`: pin what configured servers advertise now, and catch a rug pull on the next check.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { claudeDesktopHome, runCli, writeClaudeDesktopConfig } from '../helpers/cli.js';
import { GOOD_SERVER, RAW_SERVER } from '../helpers/fixtures.js';

const good = { command: process.execPath, args: [GOOD_SERVER] };

interface JsonReport {
  complete: boolean;
  findings: Array<{ ruleId: string; location: { server: string; tool?: string } }>;
  errors: Array<{ server?: string; message: string }>;
}

describe('pin --live', () => {
  test('pins the servers it connected to; a tool added later is drift (exit 1) until --update accepts it', async () => {
    const home = claudeDesktopHome({ good });
    const lockfile = join(home, 'mcp-warden.lock');
    const common = ['--live', '--yes', '--no-sandbox', '--home', home, '--lockfile', lockfile];

    const first = await runCli(['pin', ...common]);
    expect(first.stdout).toMatch(/pinned 1 server \(3 tools\)/);
    expect(first.status).toBe(0);
    const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { servers: Array<{ name: string; tools: Array<{ name: string }> }> };
    expect(lock.servers.map((s) => [s.name, s.tools.map((t) => t.name).sort()])).toEqual([['good', ['echo', 'list_dir', 'read_file']]]);

    // The same launch now advertises one more tool (the server changed after it was trusted).
    writeClaudeDesktopConfig(home, { good: { ...good, env: { FIXTURE_REPORT_ENV: '1' } } });
    const check = await runCli(['pin', ...common, '--check', '--format', 'json']);
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.location.server, f.location.tool])).toEqual([['pin/tool-added', 'good', 'env_report']]);

    const update = await runCli(['pin', ...common, '--update']);
    expect(update.status).toBe(0);
    expect((await runCli(['pin', ...common, '--check'])).status).toBe(0);
  });

  test('without consent nothing starts and nothing is written: exit 3', async () => {
    const home = claudeDesktopHome({ good });
    const lockfile = join(home, 'mcp-warden.lock');
    const r = await runCli(['pin', '--live', '--home', home, '--lockfile', lockfile]);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/not started: a local server runs only with consent/);
    expect(existsSync(lockfile)).toBe(false);
  });

  test('one server failing makes the pin incomplete: nothing is written from a partial view', async () => {
    const home = claudeDesktopHome({ good, crash: { command: process.execPath, args: [RAW_SERVER, 'crash-mid-handshake'] } });
    const lockfile = join(home, 'mcp-warden.lock');
    const r = await runCli(['pin', '--live', '--yes', '--no-sandbox', '--home', home, '--lockfile', lockfile, '--format', 'json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.complete).toBe(false);
    expect(report.errors.map((e) => e.server)).toContain('crash');
    expect(existsSync(lockfile)).toBe(false);
  });

  test('usage errors (exit 2): live-only flags without --live, --live with --inventory', async () => {
    const home = claudeDesktopHome({ good });
    const noLive = await runCli(['pin', '--allow-server', 'good', '--home', home, '-i', 'x.json']);
    expect(noLive.status).toBe(2);
    expect(noLive.stderr).toMatch(/--allow-server only apply with --live/);
    const both = await runCli(['pin', '--live', '-i', 'x.json', '--home', home]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--live and --inventory exclude each other/);
  });
});
