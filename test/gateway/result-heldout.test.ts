// Held-out tool results (test/fixtures/extra/results-heldout*.json), written for this project without
// looking at the corpus: what a filesystem, web, mail or ticket server returns, with and without an
// injection. With the default policy (quarantine at high) every injected one is quarantined and no
// benign one is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultScanner } from '../../src/gateway/result-scanner.js';
import { atLeast } from '../../src/model/index.js';

const sets = ['results-heldout.json', 'results-heldout2.json', 'results-heldout3.json', 'results-heldout4.json', 'results-heldout6.json', 'results-heldout9.json'].map((f) => [f, JSON.parse(readFileSync(new URL(`../fixtures/extra/${f}`, import.meta.url), 'utf8')) as { injected: string[]; benign: string[] }] as const);
const scanner = resultScanner(() => undefined);
const hits = (text: string) => scanner.scan([text], { server: 'held-out', target: 'read' }).filter((h) => atLeast(h.severity, 'high')).map((h) => `${h.ruleId}:${h.severity}`);

describe.each(sets)('held-out tool results %s', (_file, set) => {
  it.each(set.injected.map((t, i) => [i, t] as const))('quarantines injected result %i', (_i, text) => {
    expect(hits(text).length, text.slice(0, 120)).toBeGreaterThan(0);
  });
  it.each(set.benign.map((t, i) => [i, t] as const))('passes benign result %i', (_i, text) => {
    expect(hits(text), text.slice(0, 120)).toEqual([]);
  });
});

// Round 7 was written to evade pattern detectors (no stock phrases, no named AI): a measured floor too.
describe('held-out tool results round 7 (written to evade patterns)', () => {
  const set = JSON.parse(readFileSync(new URL('../fixtures/extra/results-heldout7.json', import.meta.url), 'utf8')) as { injected: string[]; benign: string[] };
  it('quarantines at least 14 of 20 injections and no benign result', () => {
    const caught = set.injected.filter((t) => hits(t).length > 0).length;
    const falsePositives = set.benign.filter((t) => hits(t).length > 0);
    console.log(`held-out results round 7: ${caught} of ${set.injected.length} injections quarantined, ${falsePositives.length} of ${set.benign.length} benign`);
    expect(falsePositives).toEqual([]);
    expect(caught).toBeGreaterThanOrEqual(14);
  });
});

// Round 8 weighs precision (40 everyday benign results): every benign one must pass, and at least 14 of the 15 injections are quarantined.
describe('held-out tool results round 8 (weighted towards precision)', () => {
  const set = JSON.parse(readFileSync(new URL('../fixtures/extra/results-heldout8.json', import.meta.url), 'utf8')) as { injected: string[]; benign: string[] };
  it.each(set.benign.map((t, i) => [i, t] as const))('passes benign result %i', (_i, text) => {
    expect(hits(text), text.slice(0, 120)).toEqual([]);
  });
  it('quarantines at least 14 of 15 injections', () => {
    const caught = set.injected.filter((t) => hits(t).length > 0).length;
    console.log(`held-out results round 8: ${caught} of ${set.injected.length} injections quarantined`);
    expect(caught).toBeGreaterThanOrEqual(14);
  });
});

// Round 5 is second-person injections that never name the model: a measured floor, not a pass/fail list.
describe('held-out tool results round 5 (second person, no named model)', () => {
  const set = JSON.parse(readFileSync(new URL('../fixtures/extra/results-heldout5.json', import.meta.url), 'utf8')) as { injected: string[]; benign: string[] };
  it('quarantines at least 11 of 20 injections and no benign result', () => {
    const caught = set.injected.filter((t) => hits(t).length > 0).length;
    const falsePositives = set.benign.filter((t) => hits(t).length > 0);
    console.log(`held-out results round 5: ${caught} of ${set.injected.length} injections quarantined, ${falsePositives.length} of ${set.benign.length} benign`);
    expect(falsePositives).toEqual([]);
    expect(caught).toBeGreaterThanOrEqual(11);
  });
});
