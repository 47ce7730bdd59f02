import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supplyChainRules } from '../../../src/rules/supplychain/index.js';
import { allRuleMetas } from '../../../src/rules/index.js';

const SRC = new URL('../../../src/rules/supplychain/', import.meta.url).pathname;
const DOCS = new URL('../../../docs/rules/supplychain/', import.meta.url).pathname;
const TESTS = new URL('./', import.meta.url).pathname;
const HELPERS = new Set(['index', 'types', 'where']);
const HEADINGS = ['## Why is this dangerous', '## ❌ Incorrect', '## ✅ Correct', '## When not to use it', '## References'];

const ruleFiles = readdirSync(SRC).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((f) => !HELPERS.has(f)).sort();

describe('supply-chain rule registry', () => {
  it('folder, registry, docs and tests list the same rules, in sorted order', () => {
    const ids = Object.keys(supplyChainRules);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(ruleFiles.map((f) => `supplychain/${f}`));
    expect(readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort()).toEqual(ruleFiles);
    for (const f of ruleFiles) expect(readdirSync(TESTS)).toContain(`${f}.test.ts`);
  });

  it.each(Object.entries(supplyChainRules))('%s: id matches its key, maps to T1195, docs have the fixed headings', (id, rule) => {
    expect(rule.meta.id).toBe(id);
    expect(rule.kind).toBe('supplychain');
    expect(rule.meta.attack.some((a) => a.startsWith('T1195.'))).toBe(true);
    const doc = readFileSync(`${DOCS}${id.split('/')[1]}.md`, 'utf8');
    const positions = HEADINGS.map((h) => doc.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(doc).toContain(`id: ${id}\n`);
  });

  it('every supply-chain rule is in the global registry (SARIF rule metadata)', () => {
    const all = allRuleMetas().map((m) => m.id);
    for (const id of Object.keys(supplyChainRules)) expect(all).toContain(id);
  });
});
