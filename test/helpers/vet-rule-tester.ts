import { describe, expect, it } from 'vitest';
import { serverEntry, type ServerEntryInput, type ServerSnapshotInput, ServerSnapshotSchema, type Severity } from '../../src/model/index.js';
import type { SupplyChainRule, VetRuleContext, VetSubject } from '../../src/rules/supplychain/types.js';
import { emptyFacts, type PackageFacts } from '../../src/supplychain/facts.js';
import { loadIocFeeds } from '../../src/supplychain/ioc.js';
import { resolveLaunchSpec } from '../../src/supplychain/launch-spec.js';
import { loadPopularList } from '../../src/supplychain/typosquat.js';

export const NOW = new Date('2026-11-25T12:00:00Z');

export const baseCtx: VetRuleContext = { now: NOW, popular: loadPopularList(), ioc: loadIocFeeds(), newVersionDays: 7 };

/** A subject as vet builds it: entry from a command line, the resolved package ref, optional facts and snapshot. */
export function subject(
  command: string,
  args: string[],
  facts?: Partial<PackageFacts>,
  extra: { entry?: Partial<ServerEntryInput>; snapshot?: ServerSnapshotInput } = {},
): VetSubject {
  const entry = serverEntry({ name: 'srv', client: 'test', scope: 'file', configFile: '/cfg/mcp.json', transport: 'stdio', command, args, fieldLines: Object.fromEntries(args.map((_, i) => [`args.${i}`, 10 + i])), ...extra.entry });
  const ref = resolveLaunchSpec(entry);
  const s: VetSubject = { entry };
  if (ref) s.ref = ref;
  if (ref && facts) s.facts = { ...emptyFacts(ref), ...facts };
  if (extra.snapshot) s.snapshot = ServerSnapshotSchema.parse(extra.snapshot);
  return s;
}

export interface ExpectedVetReport {
  messageId: string;
  severity?: Severity;
  field?: string;
  line?: number;
}

export interface VetCases {
  valid: Array<{ name: string; subject: VetSubject; ctx?: Partial<VetRuleContext> }>;
  invalid: Array<{ name: string; subject: VetSubject; ctx?: Partial<VetRuleContext>; reports: ExpectedVetReport[] }>;
}

/** ESLint RuleTester shape: valid subjects report nothing; invalid ones exactly `reports` (only the keys given are compared). */
export function testVetRule(rule: SupplyChainRule, cases: VetCases): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await rule.check(c.subject, { ...baseCtx, ...c.ctx })).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const reports = await rule.check(c.subject, { ...baseCtx, ...c.ctx });
        expect(
          reports.map((r, i) => {
            const want = c.reports[i] ?? { messageId: '' };
            return {
              messageId: r.messageId,
              ...('severity' in want ? { severity: r.severity ?? rule.meta.severity } : {}),
              ...('field' in want ? { field: r.field } : {}),
              ...('line' in want ? { line: r.line } : {}),
            };
          }),
        ).toEqual(c.reports);
        for (const r of reports) {
          const template: string | undefined = (rule.meta.messages as Record<string, string>)[r.messageId];
          expect(template).toBeDefined();
          const rendered = (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (r.data && k in r.data ? String(r.data[k]) : `<missing ${k}>`));
          expect(rendered).not.toMatch(/<missing /);
        }
      });
    }
  });
}
