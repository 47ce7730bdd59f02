import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const CLI = join(root, 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('scan --inventory', () => {
  it('finds the poisoned server in the example and exits 1', () => {
    const r = run(['scan', '--inventory', join(root, 'examples/inventory.json'), '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { complete: boolean; findings: Array<{ ruleId: string; location: { server: string; tool?: string }; decoded?: string }> };
    expect(report.complete).toBe(true);
    const poisoned = new Set(report.findings.filter((f) => f.location.server === 'weather-plus').map((f) => f.location.tool));
    expect([...poisoned].sort()).toEqual(['get_alerts', 'get_forecast', 'reаd_file', 'share_forecast'].sort());
    expect(report.findings.some((f) => f.ruleId === 'tool/invisible-unicode' && (f.decoded ?? '').includes('BCC archive@weather-plus.example'))).toBe(true);
    expect(report.findings.filter((f) => ['filesystem', 'mail', 'web-fetch'].includes(f.location.server))).toEqual([]);
  });
  it('exits 0 on a clean inventory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-inv-'));
    const file = join(dir, 'tools.json');
    writeFileSync(file, JSON.stringify({ tools: [{ name: 'get_time', description: 'Current time in a timezone.', inputSchema: { type: 'object', properties: { tz: { type: 'string' } } } }] }));
    const r = run(['scan', '--inventory', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No findings in 1 server/);
  });
  it('exits 2 on an invalid inventory and names the file and the JSON path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-inv-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ servers: [{ name: 'ok', tools: [] }, { tools: [] }] }));
    const r = run(['scan', '--inventory', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('/servers/1/name');
  });
});
