/**
 * @fileoverview ESLint-RuleTester shape for config rules: `valid` entries report nothing, `invalid`
 * entries report exactly the listed reports (in order). Every report is also rendered through the
 * engine (`toFinding`) to check that its template is complete and that no planted secret survives in
 * the message, evidence or decoded text.
 */
import { describe, expect, it } from 'vitest';
import { serverEntry, type Finding, type ServerEntryInput, type Severity } from '../../src/model/index.js';
import { toFinding } from '../../src/rules/finding.js';
import type { ConfigRule, ConfigRuleContext } from '../../src/rules/config/types.js';
import type { RuleReport } from '../../src/rules/types.js';

/** Defaults for the fields every test entry needs but few tests care about. */
export function entry(partial: Partial<ServerEntryInput> & { name?: string }): ServerEntryInput {
  return { name: 'srv', client: 'test', scope: 'user', configFile: '/home/u/.config/test.json', transport: 'stdio', ...partial };
}

/** A stdio entry from a command line, the way configs are usually written. */
export function cmd(command: string, args: string[] = [], rest: Partial<ServerEntryInput> = {}): ServerEntryInput {
  return entry({ command, args, ...rest });
}

/** A remote entry. */
export function remote(url: string, rest: Partial<ServerEntryInput> = {}): ServerEntryInput {
  return entry({ transport: 'http', url, ...rest });
}

/** What an invalid case expects of one report; only the keys given are compared. */
export interface ExpectedReport {
  messageId: string;
  /** JSON pointer, e.g. `/env/API_KEY`. */
  field?: string;
  /** Effective severity (the report's override or the rule's default). */
  severity?: Severity;
  line?: number;
  /** Subset of the report's data. */
  data?: Record<string, string | number>;
  /** Exact evidence after the engine's redaction and clipping. */
  evidence?: string;
  /** Exact decoded text after redaction. */
  decoded?: string;
  /** ATT&CK/ATLAS ids on the rendered finding. */
  attack?: string[];
}

interface CaseBase {
  entry: ServerEntryInput;
  ctx?: Partial<ConfigRuleContext>;
  name?: string;
}

export interface InvalidCase extends CaseBase {
  reports: ExpectedReport[];
  /** Raw secrets in the entry: none may appear in any rendered message, evidence or decoded text. */
  secrets?: string[];
}

export interface ConfigRuleCases {
  valid: Array<ServerEntryInput | CaseBase>;
  invalid: InvalidCase[];
}

/** Context the tests run with unless a case overrides it: a Linux user `u` with home `/home/u`. */
export const baseCtx: ConfigRuleContext = { home: '/home/u', platform: 'linux' };

function isCase(c: ServerEntryInput | CaseBase): c is CaseBase {
  return typeof (c as CaseBase).entry === 'object' && (c as CaseBase).entry !== null && 'client' in (c as CaseBase).entry;
}

/** The part of a finding a test compares, with only the keys the expectation names. */
function comparable(rule: ConfigRule, report: RuleReport, finding: Finding, expected: ExpectedReport | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { messageId: report.messageId };
  if (!expected) return out;
  if ('field' in expected) out['field'] = report.field;
  if ('severity' in expected) out['severity'] = report.severity ?? rule.meta.severity;
  if ('line' in expected) out['line'] = report.line;
  if ('data' in expected) out['data'] = Object.fromEntries(Object.keys(expected.data ?? {}).map((k) => [k, report.data?.[k]]));
  if ('evidence' in expected) out['evidence'] = finding.evidence;
  if ('decoded' in expected) out['decoded'] = finding.decoded;
  if ('attack' in expected) out['attack'] = finding.attack;
  return out;
}

/** Renders reports the way the scan does, so tests see what a user sees. */
export function render(rule: ConfigRule, e: ServerEntryInput, reports: RuleReport[]): Finding[] {
  const full = serverEntry(e);
  return reports.map((r) => toFinding(rule.meta, r, { file: full.configFile, client: full.client, server: full.name, line: r.line ?? full.line }));
}

/** Runs a rule over one entry with the test context. */
export async function runRule(rule: ConfigRule, e: ServerEntryInput, ctx: Partial<ConfigRuleContext> = {}): Promise<RuleReport[]> {
  return rule.check(serverEntry(e), { ...baseCtx, ...ctx });
}

/** Declares the valid and invalid cases of one rule as a vitest suite. */
export function testConfigRule(rule: ConfigRule, cases: ConfigRuleCases): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const wrapped: CaseBase = isCase(c) ? c : { entry: c };
      it(`valid #${i + 1}${wrapped.name ? `: ${wrapped.name}` : ''}`, async () => {
        const reports = await runRule(rule, wrapped.entry, wrapped.ctx);
        expect(reports.map((r) => ({ messageId: r.messageId, field: r.field, data: r.data }))).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const reports = await runRule(rule, c.entry, c.ctx);
        const findings = render(rule, c.entry, reports);
        expect(reports.map((r, j) => comparable(rule, r, findings[j] as Finding, c.reports[j]))).toEqual(c.reports.map((e) => ({ ...e })));
        for (const f of findings) {
          expect(f.message, 'every {{placeholder}} is filled').not.toMatch(/\{\{\s*\w+\s*\}\}/);
          for (const secret of c.secrets ?? []) {
            for (const text of [f.message, f.evidence ?? '', f.decoded ?? '']) expect(text, 'secret redacted').not.toContain(secret);
          }
        }
      });
    });
  });
}
