/**
 * @fileoverview Parity between the pin rule files, the registry, the tests and the docs, and the doc
 * examples themselves: every ❌ example (a pinned and a current inventory) must trigger its rule,
 * every ✅ example must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ServerSnapshotSchema, type ServerSnapshot } from '../../../src/model/index.js';
import { ALL_TECHNIQUE_IDS } from '../../../src/rules/attack.js';
import { pinDriftRules, pinLockfileRules } from '../../../src/rules/pin/index.js';
import type { PinRule } from '../../../src/rules/pin/types.js';
import { driftOf } from '../../helpers/pin-rule-tester.js';

const root = new URL('../../../', import.meta.url);
const NON_RULE_FILES = new Set(['index.ts', 'types.ts', 'shared.ts']);
const allRules = { ...pinDriftRules, ...pinLockfileRules };
const ids = Object.keys(allRules);

const ruleFiles = readdirSync(new URL('src/rules/pin/', root))
  .filter((f) => f.endsWith('.ts') && !NON_RULE_FILES.has(f))
  .map((f) => `pin/${f.slice(0, -3)}`)
  .sort();

function readDoc(id: string): { front: Record<string, unknown>; section: (h: string) => string } {
  const text = readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`docs/rules/${id}.md: missing frontmatter`);
  const body = m[2] ?? '';
  return {
    front: parseYaml(m[1] ?? '') as Record<string, unknown>,
    section(heading) {
      const start = body.indexOf(`## ${heading}\n`);
      if (start < 0) return '';
      const next = body.indexOf('\n## ', start + 3);
      return body.slice(start, next < 0 ? undefined : next);
    },
  };
}

function examples(section: string): Array<{ pinned: ServerSnapshot[]; now: ServerSnapshot[] }> {
  const parse = (list: unknown[]) => list.map((s) => ServerSnapshotSchema.parse({ ...(s as object), source: 'inventory' }));
  return [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => {
    const v = JSON.parse(m[1] ?? '') as { pinned: unknown[]; now: unknown[] };
    return { pinned: parse(v.pinned), now: parse(v.now) };
  });
}

describe('pin rule registry', () => {
  it('lists exactly the rule files of src/rules/pin, sorted', () => {
    expect([...ids].sort()).toEqual(ruleFiles);
    expect(Object.keys(pinDriftRules)).toEqual([...Object.keys(pinDriftRules)].sort());
  });

  it('has a test file and a doc page for every rule, and nothing else', () => {
    const tests = readdirSync(new URL('test/rules/pin/', root))
      .filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
      .map((f) => `pin/${f.slice(0, -'.test.ts'.length)}`)
      .sort();
    const docs = readdirSync(new URL('docs/rules/pin/', root))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `pin/${f.slice(0, -3)}`)
      .sort();
    expect(tests).toEqual(ruleFiles);
    expect(docs).toEqual(ruleFiles);
  });

  describe.each(ids)('%s', (id) => {
    const rule = allRules[id as keyof typeof allRules];

    it('has pin kind, known technique ids and frontmatter matching its metadata', () => {
      expect(rule.kind).toBe('pin');
      for (const t of rule.meta.attack) expect(ALL_TECHNIQUE_IDS).toContain(t);
      expect(rule.meta.attack.length).toBeGreaterThan(0);
      const { front } = readDoc(id);
      expect(front['title']).toBe(rule.meta.title);
      expect(front['severity']).toBe(rule.meta.severity);
      expect(front['attack']).toEqual([...rule.meta.attack]);
    });
  });

  describe.each(Object.keys(pinDriftRules))('%s doc examples', (id) => {
    const rule = pinDriftRules[id as keyof typeof pinDriftRules] as PinRule;
    const reportsOf = (ex: { pinned: ServerSnapshot[]; now: ServerSnapshot[] }) => driftOf(ex.pinned, ex.now).flatMap((c) => rule.check(c, {}) as unknown[]);

    it('fires on the ❌ example and stays quiet on the ✅ example', () => {
      const doc = readDoc(id);
      const bad = examples(doc.section('❌ Incorrect'));
      const good = examples(doc.section('✅ Correct'));
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
      for (const ex of bad) expect(reportsOf(ex).length, `❌ example of ${id}`).toBeGreaterThan(0);
      for (const ex of good) expect(reportsOf(ex), `✅ example of ${id}`).toEqual([]);
    });
  });
});
