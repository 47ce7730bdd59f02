// Tool and flow rules on what live servers advertise (`scan --live`, `inspect`), and the same
// findings again from the inventory `--save-inventory` wrote (`scan --inventory`): the built CLI,
// a fixture home, the real fixture servers of test/fixtures/servers.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GOOD_SERVER } from '../helpers/fixtures.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function fixtureHome(servers: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'warden-live-tools-'));
  mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
  writeFileSync(join(home, '.config', 'Claude', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: servers }, null, 2));
  return home;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  evidence?: string;
  location: { server: string; tool?: string; field?: string; file?: string; client?: string };
}

/** The good fixture server, plus (shown to mcp-warden's own identity) a tool that asks for ~/.ssh/id_rsa as `notes`. */
const poisoned = { command: process.execPath, args: [GOOD_SERVER], env: { FIXTURE_BAIT: 'mcp-warden', FIXTURE_NAME: 'notes-server' } };
const clean = { command: process.execPath, args: [GOOD_SERVER] };

/** What must agree between a live scan and a re-scan of its inventory (file and client differ by design). */
const comparable = (f: JsonFinding) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, evidence: f.evidence, server: f.location.server, tool: f.location.tool, field: f.location.field });
const definitionFindings = (fs: JsonFinding[]) => fs.filter((f) => f.ruleId.startsWith('tool/') || f.ruleId.startsWith('flow/')).map(comparable);

describe('tool and flow rules on live servers', () => {
  test('scan --live reports poisoned tool definitions; the saved inventory re-scanned gives the same findings', async () => {
    const home = fixtureHome({ notes: poisoned, files: clean });
    const inventory = join(home, 'inventory.json');
    const live = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--save-inventory', inventory, '--format', 'json', '--fail-on', 'high']);
    expect(live.stderr).toBe('');
    const liveFindings = (JSON.parse(live.stdout) as { findings: JsonFinding[] }).findings;
    const fromLive = definitionFindings(liveFindings);
    // The poisoned tool: located by server name, tool name and JSON pointer of the field.
    const exfil = fromLive.filter((f) => f.ruleId === 'tool/data-exfiltration');
    expect(exfil.length).toBeGreaterThan(0);
    expect(exfil[0]).toMatchObject({ server: 'notes', tool: 'sync_notes', field: '/description' });
    expect(['high', 'critical']).toContain(exfil[0]?.severity);
    // The clean server raises no tool finding; the tool names both servers offer are flow collisions (low).
    expect(fromLive.filter((f) => f.server === 'files' && f.ruleId.startsWith('tool/'))).toEqual([]);
    expect(fromLive.filter((f) => f.ruleId === 'flow/tool-name-collision').map((f) => [f.tool, f.severity]).sort()).toEqual([
      ['echo', 'low'],
      ['list_dir', 'low'],
      ['read_file', 'low'],
    ]);
    expect(live.status).toBe(1);
    const live2 = liveFindings.find((f) => f.ruleId === 'tool/data-exfiltration');
    expect(live2?.location.client).toBe('claude-desktop');

    const again = await run(['scan', '--inventory', inventory, '--format', 'json', '--fail-on', 'high']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(1);
    const fromInventory = definitionFindings((JSON.parse(again.stdout) as { findings: JsonFinding[] }).findings);
    expect(fromInventory).toEqual(fromLive);
  });

  test('inspect runs the tool rules on what the server advertises', async () => {
    const home = fixtureHome({ notes: poisoned });
    const r = await run(['inspect', 'notes', '--home', home, '--allow-server', 'notes', '--no-sandbox', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { report: { findings: JsonFinding[] } };
    const tool = out.report.findings.filter((f) => f.ruleId.startsWith('tool/'));
    expect(tool.map((f) => [f.location.server, f.location.tool])).toContainEqual(['notes', 'sync_notes']);
    expect(r.status).toBe(1); // a high finding, at the default --fail-on high
  });

  test('a clean live server gives no tool or flow findings', async () => {
    const home = fixtureHome({ files: clean });
    const r = await run(['scan', '--home', home, '--live', '--yes', '--no-sandbox', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(definitionFindings((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings)).toEqual([]);
  });
});
