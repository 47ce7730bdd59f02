/**
 * @fileoverview A third held-out set, written for this project without looking at the corpus:
 * attacks in other phrasings, languages (Swedish, Dutch, Italian, Turkish, Japanese, Portuguese)
 * and placements (enum values, titles, defaults, property descriptions, markdown images), and
 * benign look-alikes (password vaults, shells, BCC fields, base64 tools). First run before any
 * tuning: 21/24 attacks, 0/14 false positives; the three misses (Swedish concealment, Italian and
 * Dutch verbs and credential nouns) were fixed by extending the language tables. Sets 4 to 13
 * (heldout4.json to heldout13.json; each one's note says what its first run missed) follow the same rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atLeast, type ToolDefinition } from '../../src/model/index.js';
import { runToolRules } from '../../src/rules/run-tool.js';
import { toolRules } from '../../src/rules/tool/index.js';

interface HeldOut {
  attacks: Array<{ category: string; id: string; tool: ToolDefinition }>;
  benign: ToolDefinition[];
}

const sets: Array<[string, HeldOut]> = ['heldout3.json', 'heldout4.json', 'heldout5.json', 'heldout6.json', 'heldout7.json', 'heldout8.json', 'heldout9.json', 'heldout10.json', 'heldout12.json', 'heldout13.json', 'heldout14.json', 'heldout15.json', 'heldout16.json', 'heldout17.json', 'heldout18.json', 'heldout19.json', 'heldout20.json'].map((f) => [f, JSON.parse(readFileSync(new URL(`../fixtures/extra/${f}`, import.meta.url), 'utf8')) as HeldOut]);

function flagged(tool: ToolDefinition): string[] {
  const { findings, errors } = runToolRules(Object.values(toolRules), [{ name: 'held-out', source: 'inventory', tools: [tool], prompts: [], resources: [], resourceTemplates: [] }]);
  expect(errors).toEqual([]);
  return findings.filter((f) => atLeast(f.severity, 'medium')).map((f) => `${f.ruleId}:${f.severity}`);
}

describe.each(sets)('held-out %s (project-written, not from the corpus)', (_file, set) => {
  it.each(set.attacks.map((a) => [`${a.category}/${a.id}`, a.tool] as const))('detects %s at medium or above', (_id, tool) => {
    expect(flagged(tool).length).toBeGreaterThan(0);
  });
  it.each(set.benign.map((b) => [b.name, b] as const))('raises nothing at medium or above on benign %s', (_name, tool) => {
    expect(flagged(tool)).toEqual([]);
  });
});

// Sets whose attacks are not all caught on their first run are kept as measured floors, with
// every benign tool passing. Set 11 (consumer and business tools): first run 12 of 20, 20 once the
// reporting lies got their own keyword gate. Set 12 (tools in the style of popular servers): first
// run 19 of 25 with 6 of 30 benign flagged, now 21. Set 14 (written to evade pattern detectors:
// euphemisms, indirect references, payloads split across fields, eight languages): first run 7 of
// 25 with no benign tool flagged, now 25 (it passes in full above). Set 15 (a mixed audit of 35 benign and 25 malicious tools
// from many domains, nine languages), written after all of this session's changes: first run 16 of
// 25 with 4 of 35 benign flagged, now 25 and none (it passes in full above). Set 16 (platform and
// DevOps servers: read-only annotations over grants, payloads in outputSchema, enum options with side
// effects): first run 13 of 25 with 5 of 35 benign flagged, now 25. Set 17 (a multilingual audit in 28
// languages): first run 19 of 25 with 3 of 35 benign flagged, now 25 (both pass in full above). Set 18
// (everyday knowledge-worker servers, no stock phrases), written after all of this session's other
// changes: first run 11 of 25 with 3 of 35 benign flagged, now 25 and none (it passes in full above). Set 19
// (software and data teams' servers), written after all of this session's other changes: first run
// 15 of 25 with 2 of 35 benign flagged, now 25 and none (it passes in full above; the last one, a
// "private preview link" whose visibility defaults to public, came with the next session). Set 20
// (assistant-facing consumer and business servers: banking, payroll, health, shop admin, property,
// wallets), written on 2026-12-08 after the previous session's changes: first run 15 of 25 with 3 of
// 35 benign flagged, now 25 and none (it passes in full above). Set 21 (servers agents act through:
// desktop and browser automation, memory, orchestration, building and lab control), written after all
// of that session's other changes: first run 11 of 25 with 4 of 35 benign flagged, the same as at the
// session's start; its false positives are fixed (none now) and 22 of 25 are caught (the floor).
// Set 22 (operations, finance-ops and support servers: helpdesk, paging, billing, MDM, identity
// admin, password sharing), written at the start of the next session: first run 12 of 25 with 2 of 35
// benign flagged; its false positives are fixed (a typed confirm_name, a signing tool's own sending)
// and 23 are caught (another writing tool called with the data or without asking, an order in an
// enum value, a read-only evaluation that commits its result, precedence over what the user asked,
// a secret shared with anyone by default, "tell the user it passed" when it was flagged).
// Set 23 (regulated and public-sector servers: e-filing, tax, benefits, clinical trials, notaries,
// land registry, records requests), written after all of that session's other changes: first run
// 12 of 25 with 5 of 35 benign flagged, the same as at the session start; the false positives are
// fixed (a credential the service itself requires or uses only locally, data the tool says it
// encrypts, refuses or stops on), and 21 are caught (precedence over "this description", "even if
// the user names the other tool", a copy of every package to a fixed mailbox, a refusal told as
// "accepted", safeguards skipped by default and read-only tools that replace or delete in
// Portuguese, Italian and other languages, one person's record shared with anyone by default).
// Set 24 (creators', small businesses' and personal servers: notes, budgeting, smart home, travel,
// delivery, marketplaces, dating, parental controls), written after all of that session's other
// changes: first run 15 of 25 with 2 of 35 benign flagged, where the session's starting code scored
// 13 with 3; its false positives are fixed (photos the user wants to send, with location removed; a
// card tool keeping the card for future orders) and its attacks left as a measure.
const floors: Array<[file: string, floor: number]> = [['heldout11.json', 20], ['heldout21.json', 22], ['heldout22.json', 23], ['heldout23.json', 21], ['heldout24.json', 15]];

describe.each(floors)('held-out %s (a measured floor)', (file, floor) => {
  const set = JSON.parse(readFileSync(new URL(`../fixtures/extra/${file}`, import.meta.url), 'utf8')) as HeldOut;
  it.each(set.benign.map((b) => [b.name, b] as const))('raises nothing at medium or above on benign %s', (_name, tool) => {
    expect(flagged(tool)).toEqual([]);
  });
  it(`detects at least ${floor} of ${set.attacks.length} attacks`, () => {
    const caught = set.attacks.filter((a) => flagged(a.tool).length > 0).length;
    console.log(`held-out ${file}: ${caught} of ${set.attacks.length} attacks detected`);
    expect(caught).toBeGreaterThanOrEqual(floor);
  });
});
