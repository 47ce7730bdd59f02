import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleList } from '../../src/report/rule-list.js';
import { allRuleMetas } from '../../src/rules/index.js';
import type { RuleMeta } from '../../src/rules/types.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'rules', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const FAKE: RuleMeta[] = [
  { id: 'tool/b', title: 'B | pipe', description: 'd', severity: 'high', category: 'prompt-injection', attack: ['AML.T0051', 'T1059'], remediation: 'r', messages: { m: 'm' } },
  { id: 'config/a', title: 'A', description: 'd', severity: 'info', category: 'inventory', attack: [], remediation: 'r', messages: { m: 'm' } },
];

describe('mcp-warden rules', () => {
  it('--format json lists every registry rule with id, severity, category, ATT&CK ids and docs link', () => {
    const r = run(['--format', 'json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; severity: string; category: string; attack: string[]; docs: string }>;
    expect(list.map((x) => x.id)).toEqual(allRuleMetas().map((m) => m.id).sort());
    for (const meta of allRuleMetas()) {
      expect(list.find((x) => x.id === meta.id)).toMatchObject({ severity: meta.severity, category: meta.category, attack: [...meta.attack] });
    }
    expect(list[0]!.docs).toMatch(/docs\/rules\/.+\.md$/);
  });

  it('prints a table by default and rejects unknown formats with exit 2', () => {
    const r = run([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^RULE\s+SEVERITY\s+CATEGORY\s+ATT&CK \/ ATLAS/);
    for (const meta of allRuleMetas()) expect(r.stdout).toContain(meta.id);
    expect(run(['--format', 'xml']).status).toBe(2);
  });

  it('renders sorted rows with ATT&CK ids in every format', () => {
    const table = renderRuleList(FAKE, 'table', { color: false });
    expect(table.indexOf('config/a')).toBeLessThan(table.indexOf('tool/b'));
    expect(table).toContain('AML.T0051, T1059');
    expect(table).toContain('2 rule(s): 1 high, 1 info.');
    const md = renderRuleList(FAKE, 'markdown', { color: false }).split('\n');
    expect(md[0]).toBe('| Rule | Severity | Category | ATT&CK / ATLAS | Title |');
    expect(md[3]).toContain('| high | prompt-injection | AML.T0051, T1059 | B \\| pipe |');
  });
});
