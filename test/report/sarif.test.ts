import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { FINGERPRINT_KEY, toSarif } from '../../src/report/sarif.js';
import { allRuleMetas } from '../../src/rules/index.js';
import type { RuleMeta } from '../../src/rules/types.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { ROOT, SAMPLE_ERRORS, sampleReport } from '../helpers/sample-report.js';

const validate = sarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const EXTRA_RULE: RuleMeta = {
  id: 'tool/example-extra',
  title: 'A rule outside the registry',
  description: 'Text addressed to the model, hidden from the user.',
  severity: 'high',
  category: 'prompt-injection',
  attack: ['AML.T0051.001', 'T1059'],
  remediation: 'Remove the server.',
  messages: { hidden: 'Hidden text.' },
};

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema (complete and incomplete runs)', () => {
    expectValid(JSON.parse(render(sampleReport(), 'sarif', { color: false, verbose: false, srcRoot: ROOT })));
    expectValid(JSON.parse(render(sampleReport({ errors: SAMPLE_ERRORS }), 'sarif', { color: false, verbose: true })));
    expectValid(JSON.parse(render(sampleReport({ errors: SAMPLE_ERRORS }), 'sarif', { color: false, verbose: false, srcRoot: '/elsewhere' })));
  });

  it('the validator rejects a broken log (so the test above can fail)', () => {
    const log = toSarif(sampleReport(), { srcRoot: ROOT }) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!['level'] = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('lists every registry rule in tool.driver.rules with full metadata', () => {
    const log = toSarif(sampleReport());
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const meta of allRuleMetas()) {
      const r = rules.find((x) => x.id === meta.id);
      expect(r, meta.id).toBeDefined();
      expect(r!.shortDescription?.text).toBe(meta.title);
      expect(r!.fullDescription?.text).toBe(meta.description);
      expect(r!.help?.text).toContain(meta.remediation);
      expect(r!.helpUri).toMatch(new RegExp(`/docs/rules/${meta.id}\\.md$`));
      expect(r!.defaultConfiguration?.level).toBeDefined();
      expect(r!.properties?.['severity']).toBe(meta.severity);
    }
  });

  it('maps rule metadata: level from severity, ATT&CK and ATLAS ids as tags, security-severity', () => {
    const log = toSarif(sampleReport(), { rules: [...allRuleMetas(), EXTRA_RULE] });
    const r = log.runs[0]!.tool.driver.rules!.find((x) => x.id === EXTRA_RULE.id)!;
    expect(r.defaultConfiguration?.level).toBe('error');
    expect(r.properties?.tags).toEqual(['security', 'prompt-injection', 'atlas/AML.T0051.001', 'attack/T1059']);
    expect(r.properties?.['attack']).toEqual(['AML.T0051.001', 'T1059']);
    expect(r.properties?.['security-severity']).toBe('8.0');
    expect(r.name).toBe('ExampleExtra');
  });

  it('results point at their rule by id and index, with level, severity, fingerprint and locations', () => {
    const report = sampleReport();
    const log = toSarif(report, { srcRoot: ROOT });
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(report.findings.length);
    for (const [i, res] of run.results!.entries()) {
      const f = report.findings[i]!;
      expect(run.tool.driver.rules![res.ruleIndex!]!.id).toBe(res.ruleId);
      expect(res.properties?.['severity']).toBe(f.severity);
      expect(res.partialFingerprints?.[FINGERPRINT_KEY]).toBe(f.fingerprint);
    }
    const levels = Object.fromEntries(run.results!.map((r) => [r.properties?.['severity'] as string, r.level]));
    expect(levels).toEqual({ critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' });

    const tool = run.results!.find((r) => r.ruleId === 'tool/hidden-instructions')!;
    const loc = tool.locations![0]!;
    expect(loc.physicalLocation?.artifactLocation).toEqual({ uri: 'inventory.json', uriBaseId: '%SRCROOT%' });
    expect(loc.physicalLocation?.region?.startLine).toBe(20);
    expect(loc.logicalLocations).toEqual([
      { name: 'github', fullyQualifiedName: 'claude-code:github', kind: 'module' },
      { name: 'create_issue', fullyQualifiedName: 'claude-code:github/create_issue', kind: 'function' },
    ]);
    expect(tool.message.text).toContain('Hidden text: ignore previous instructions');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///work/repo/');

    // Outside the source root: an absolute file URI.
    const outside = run.results!.find((r) => r.properties?.['server'] === 'old')!;
    expect(outside.locations![0]!.physicalLocation?.artifactLocation?.uri).toBe('file:///home/u/.cursor/mcp.json');
  });

  it('adds a descriptor for a finding whose rule is not in the registry', () => {
    const log = toSarif(sampleReport(), { rules: [] });
    const ids = log.runs[0]!.tool.driver.rules!.map((r) => r.id);
    expect(new Set(ids)).toEqual(new Set(sampleReport().findings.map((f) => f.ruleId)));
    for (const res of log.runs[0]!.results!) expect(ids[res.ruleIndex!]).toBe(res.ruleId);
  });

  it('an incomplete scan is executionSuccessful=false with one notification per error', () => {
    const log = toSarif(sampleReport({ errors: SAMPLE_ERRORS }), { srcRoot: ROOT });
    const inv = log.runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toHaveLength(SAMPLE_ERRORS.length);
    const parse = inv.toolExecutionNotifications![0]!;
    expect(parse.level).toBe('error');
    expect(parse.descriptor?.id).toBe('scan-error/parse');
    expect(parse.locations![0]!.physicalLocation?.artifactLocation?.uri).toBe('.vscode/mcp.json');
    expect(parse.locations![0]!.physicalLocation?.region).toEqual({ startLine: 7, startColumn: 3 });
    expect(inv.toolExecutionNotifications![1]!.message.text).toContain('remote-crm');
    expect(log.runs[0]!.properties?.['complete']).toBe(false);

    const complete = toSarif(sampleReport()).runs[0]!.invocations![0]!;
    expect(complete.executionSuccessful).toBe(true);
    expect(complete.toolExecutionNotifications).toEqual([]);
  });

  it('reports expired and unused ignores as configuration notifications', () => {
    const report = sampleReport();
    report.suppression = {
      settingsFile: `${ROOT}/.mcp-warden.yaml`,
      ignores: [
        { rule: 'config/a', reason: 'r', line: 3, status: 'expired', until: '2020-01-01', suppressed: 0 },
        { rule: 'config/b', reason: 'r', line: 7, status: 'unused', suppressed: 0 },
        { rule: 'config/c', reason: 'r', line: 9, status: 'applied', suppressed: 2 },
      ],
      findings: [],
    };
    const log = toSarif(report, { srcRoot: ROOT });
    expectValid(log);
    const notes = log.runs[0]!.invocations![0]!.toolConfigurationNotifications!;
    expect(notes.map((n) => [n.level, n.descriptor?.id, n.locations?.[0]?.physicalLocation?.region?.startLine])).toEqual([
      ['warning', 'settings/expired-ignore', 3],
      ['note', 'settings/unused-ignore', 7],
    ]);
  });

  it('shows untrusted text in messages with escapes made visible, and keeps the exact text in properties', () => {
    const log = toSarif(sampleReport());
    const res = log.runs[0]!.results!.find((r) => r.ruleId === 'tool/hidden-instructions')!;
    expect(res.message.text).toContain('Evidence: Creates an issue.\\u{1B}[8m hidden \\u{1B}[0m');
    expect(res.message.text).not.toContain('\u001b');
    expect(res.properties?.['evidence']).toBe('Creates an issue.\u001b[8m hidden \u001b[0m');
  });
});
