import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('cli exit codes', () => {
  it('exits 2 on an unknown option', () => {
    const r = run(['scan', '--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });

  it('exits 3 and says incomplete when a --config file is missing', () => {
    const r = run(['scan', '--config', join(tmpdir(), 'does-not-exist-mcp.json')]);
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/INCOMPLETE/);
  });

  it('exits 0 on an empty fixture home', () => {
    const home = mkdtempSync(join(tmpdir(), 'warden-home-'));
    const r = run(['scan', '--home', home]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No findings in 0 servers/);
  });

  it('exits 3 on a malformed config and names file and line', () => {
    const home = mkdtempSync(join(tmpdir(), 'warden-home-'));
    mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
    const file = join(home, '.config', 'Claude', 'claude_desktop_config.json');
    writeFileSync(file, '{\n  "mcpServers": {\n    "a": { "command": \n  }\n');
    const r = run(['scan', '--home', home, '--format', 'json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout) as { complete: boolean; errors: Array<{ source: string; line?: number }> };
    expect(report.complete).toBe(false);
    expect(report.errors[0]?.source).toBe(file);
    expect(report.errors[0]?.line).toBeGreaterThan(1);
  });

  it('prints the version', () => {
    expect(execFileSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
