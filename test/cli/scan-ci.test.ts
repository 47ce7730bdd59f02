import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/index.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'scan', ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as ScanReport };
}

/** A project dir with an mcp.json of disabled servers (config/disabled-server reports each, at info). */
function project(servers: Record<string, unknown>, padding = 0): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-ci-'));
  const config = join(dir, 'mcp.json');
  writeConfig(config, servers, padding);
  return { dir, config };
}

function writeConfig(config: string, servers: Record<string, unknown>, padding = 0): void {
  // `padding` lines of an extra server's args push the others down.
  const all = padding > 0 ? { filler: { command: 'node', args: Array.from({ length: padding }, (_, i) => `arg${i}`) }, ...servers } : servers;
  writeFileSync(config, JSON.stringify({ mcpServers: all }, null, 2));
}

const OLD = { old: { command: 'node', args: ['old.js'], disabled: true } };

describe('scan in CI: --fail-on, baseline, ignores', () => {
  it('--fail-on decides exit 1: info fails on an info finding, high and none do not', () => {
    const { dir, config } = project(OLD);
    expect(run(dir, ['--config', config, '--no-settings']).status).toBe(0);
    expect(run(dir, ['--config', config, '--no-settings', '--fail-on', 'info']).status).toBe(1);
    expect(run(dir, ['--config', config, '--no-settings', '--fail-on', 'none']).status).toBe(0);
    const bad = run(dir, ['--config', config, '--fail-on', 'severe']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/expected one of critical, high, medium, low, info, none/);
  });

  it('findings over the threshold win over incompleteness (1), incomplete alone is 3', () => {
    const { dir, config } = project(OLD);
    const missing = join(dir, 'missing.json');
    expect(run(dir, ['--config', config, '--config', missing, '--fail-on', 'info', '--no-settings']).status).toBe(1);
    expect(run(dir, ['--config', config, '--config', missing, '--no-settings']).status).toBe(3);
  });

  it('a baseline keeps suppressing a finding after its server moves ten lines down, and new findings still fail', () => {
    const { dir, config } = project(OLD);
    const baseline = join(dir, 'baseline.json');
    const first = run(dir, ['--config', config, '--write-baseline', baseline, '--fail-on', 'info', '--format', 'json', '--no-settings']);
    expect(first.status).toBe(0);
    expect(first.json().summary).toMatchObject({ findings: 0, suppressed: 1 });
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: Array<{ file: string; server: string }> };
    expect(written.version).toBe(1);
    expect(written.findings).toEqual([expect.objectContaining({ server: 'old', file: 'mcp.json' })]);

    const before = run(dir, ['--config', config, '--format', 'json', '--no-settings']).json().findings[0]!.location.line!;
    writeConfig(config, OLD, 10);
    const movedLine = run(dir, ['--config', config, '--format', 'json', '--no-settings']).json().findings[0]!.location.line!;
    expect(movedLine).toBeGreaterThanOrEqual(before + 10);

    const moved = run(dir, ['--config', config, '--baseline', baseline, '--fail-on', 'info', '--format', 'json', '--no-settings']);
    expect(moved.status).toBe(0);
    expect(moved.json().summary).toMatchObject({ findings: 0, suppressed: 1 });

    writeConfig(config, { ...OLD, newer: { command: 'node', args: ['n.js'], disabled: true } }, 10);
    const grown = run(dir, ['--config', config, '--baseline', baseline, '--fail-on', 'info', '--format', 'json', '--no-settings']);
    expect(grown.status).toBe(1);
    expect(grown.json().findings.map((f) => f.location.server)).toEqual(['newer']);
    expect(run(dir, ['--config', config, '--baseline', baseline, '--no-settings']).stdout).toContain('1 finding(s) suppressed by baseline or ignores');
  });

  it('suppressed findings are left out of every format alike, and counted in each', () => {
    const { dir, config } = project({ ...OLD, newer: { command: 'node', args: ['n.js'], disabled: true } });
    const baseline = join(dir, 'baseline.json');
    writeFileSync(join(dir, '.mcp-warden.yaml'), 'ignores:\n  - rule: config/disabled-server\n    server: newer\n    reason: kept for the migration\n');
    const base = ['--config', config, '--fail-on', 'info'];
    // Accept `old` into the baseline first (with `newer` ignored), then both are suppressed.
    expect(run(dir, [...base, '--write-baseline', baseline]).status).toBe(0);
    const args = [...base, '--baseline', baseline];
    const json = run(dir, [...args, '--format', 'json']).json();
    expect(json.findings).toEqual([]);
    expect(json.summary.suppressed).toBe(2);
    expect(json.suppression?.findings.map((f) => [f.server, f.by]).sort()).toEqual([
      ['newer', 'ignore'],
      ['old', 'baseline'],
    ]);
    const sarif = JSON.parse(run(dir, [...args, '--format', 'sarif']).stdout) as { runs: Array<{ results: unknown[]; properties: { summary: { suppressed: number } } }> };
    expect(sarif.runs[0]?.results).toEqual([]);
    expect(sarif.runs[0]?.properties.summary.suppressed).toBe(2);
    expect(run(dir, [...args, '--format', 'markdown']).stdout).toMatch(/2 finding\(s\) suppressed/);
    expect(run(dir, args).stdout).toContain('2 finding(s) suppressed by baseline or ignores');
  });

  it('a missing baseline is a usage error (2)', () => {
    const { dir, config } = project(OLD);
    const r = run(dir, ['--config', config, '--baseline', join(dir, 'nope.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read baseline .*nope\.json/);
  });

  it('.mcp-warden.yaml in the working directory: ignores need a reason (exit 2 with file:line)', () => {
    const { dir, config } = project(OLD);
    writeFileSync(join(dir, '.mcp-warden.yaml'), 'ignores:\n  - rule: config/disabled-server\n    server: old\n');
    const r = run(dir, ['--config', config]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, '.mcp-warden.yaml')}:2: ignores[0].reason: reason is required`);
  });

  it('ignores with a reason suppress, and unused or expired ones are reported', () => {
    const { dir, config } = project(OLD);
    writeFileSync(
      join(dir, '.mcp-warden.yaml'),
      [
        'ignores:',
        '  - rule: config/disabled-server',
        '    server: old',
        '    reason: kept until the migration ends',
        '  - rule: config/disabled-server',
        '    server: gone',
        '    reason: server was removed',
        '',
      ].join('\n'),
    );
    const r = run(dir, ['--config', config, '--fail-on', 'info', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('info: ignore of config/disabled-server at .mcp-warden.yaml:5 matched no finding; remove it.');
    expect(r.stdout).toContain('(ignored: kept until the migration ends)');
    const json = run(dir, ['--config', config, '--format', 'json']).json();
    expect(json.suppression?.ignores.map((i) => i.status)).toEqual(['applied', 'unused']);

    writeFileSync(join(dir, 'expired.yaml'), 'ignores:\n  - rule: config/disabled-server\n    reason: temporary\n    until: 2020-01-01\n');
    const expired = run(dir, ['--config', config, '--settings', join(dir, 'expired.yaml'), '--fail-on', 'info']);
    expect(expired.status).toBe(1);
    expect(expired.stdout).toContain('expired on 2020-01-01; it no longer applies');
    // --ignore-file is the same option; --no-settings skips the file in the working directory.
    expect(run(dir, ['--config', config, '--ignore-file', join(dir, 'expired.yaml'), '--fail-on', 'info']).status).toBe(1);
    expect(run(dir, ['--config', config, '--no-settings', '--fail-on', 'info']).status).toBe(1);
  });

  it('--help documents every exit code', () => {
    const r = spawnSync(process.execPath, [CLI, 'scan', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const code of ['0  ok', '1  findings at or above --fail-on', '2  usage error', '3  incomplete']) expect(r.stdout).toContain(code);
  });
});
