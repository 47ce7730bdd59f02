import { describe, expect, it } from 'vitest';
import { serverEntry, type ServerEntryInput, type ServerSnapshotInput, type Severity, ServerSnapshotSchema } from '../../src/model/index.js';
import type { IdentityDiff, LiveObservation, LiveRule } from '../../src/rules/live/types.js';

export interface ObservationInput {
  entry?: Partial<ServerEntryInput>;
  snapshot?: Partial<ServerSnapshotInput>;
  transport?: LiveObservation['transport'];
  url?: string;
  credentialsSent?: boolean;
  identityDiffs?: IdentityDiff[];
}

const tool = { name: 'search', description: 'Search.', inputSchema: { type: 'object' } };

/** An observation with defaults for everything a case does not care about (a remote server with one tool). */
export function observation(o: ObservationInput = {}): LiveObservation {
  const url = o.url ?? 'https://mcp.example.com/mcp';
  return {
    entry: serverEntry({ name: 'srv', client: 'test', scope: 'user', configFile: '/home/u/.config/test.json', transport: 'http', url, fieldLines: { url: 4 }, ...o.entry }),
    snapshot: ServerSnapshotSchema.parse({ name: 'srv', source: 'live', tools: [tool], ...o.snapshot }),
    transport: o.transport ?? 'http',
    ...(o.transport === 'stdio' ? {} : { url }),
    credentialsSent: o.credentialsSent ?? false,
    identityDiffs: o.identityDiffs ?? [],
  };
}

export interface ExpectedReport {
  messageId: string;
  severity?: Severity;
}

/** ESLint RuleTester shape for live rules: valid observations report nothing, invalid ones exactly `reports`. */
export function testLiveRule(rule: LiveRule, cases: { valid: Array<{ name: string; o: ObservationInput }>; invalid: Array<{ name: string; o: ObservationInput; reports: ExpectedReport[] }> }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await rule.check(observation(c.o), {})).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const reports = await rule.check(observation(c.o), {});
        expect(reports.map((r) => ({ messageId: r.messageId, ...(c.reports.some((e) => e.severity) ? { severity: r.severity ?? rule.meta.severity } : {}) }))).toEqual(c.reports);
        for (const r of reports) expect(rule.meta.messages[r.messageId]).toBeDefined();
      });
    }
  });
}
