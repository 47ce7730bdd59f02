import { describe, expect, it } from 'vitest';
import { serverEntry, type ServerEntryInput, type Severity } from '../../src/model/index.js';
import type { ConfigRule, ConfigRuleContext } from '../../src/rules/config/types.js';

/** Defaults for the fields every test entry needs but few tests care about. */
export function entry(partial: Partial<ServerEntryInput> & { name?: string }): ServerEntryInput {
  return { name: 'srv', client: 'test', scope: 'user', configFile: '/home/u/.config/test.json', transport: 'stdio', ...partial };
}

export interface ExpectedReport {
  messageId: string;
  field?: string;
  severity?: Severity;
}

export interface ConfigRuleCases {
  valid: Array<ServerEntryInput | { entry: ServerEntryInput; ctx?: Partial<ConfigRuleContext>; name?: string }>;
  invalid: Array<{ entry: ServerEntryInput; ctx?: Partial<ConfigRuleContext>; name?: string; reports: ExpectedReport[] }>;
}

const baseCtx: ConfigRuleContext = { home: '/home/u', platform: 'linux' };

/** ESLint RuleTester shape for config rules: valid entries report nothing, invalid ones exactly `reports`. */
export function testConfigRule(rule: ConfigRule, cases: ConfigRuleCases): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const wrapped = 'entry' in c ? c : { entry: c as ServerEntryInput, ctx: undefined, name: undefined };
      it(`valid #${i + 1}${wrapped.name ? `: ${wrapped.name}` : ''}`, async () => {
        const reports = await rule.check(serverEntry(wrapped.entry), { ...baseCtx, ...wrapped.ctx });
        expect(reports).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const reports = await rule.check(serverEntry(c.entry), { ...baseCtx, ...c.ctx });
        expect(reports.map((r) => ({ messageId: r.messageId, ...(r.field !== undefined && c.reports.some((e) => e.field) ? { field: r.field } : {}), ...(c.reports.some((e) => e.severity) ? { severity: r.severity ?? rule.meta.severity } : {}) }))).toEqual(c.reports);
        for (const r of reports) expect(rule.meta.messages[r.messageId]).toBeDefined();
      });
    });
  });
}
