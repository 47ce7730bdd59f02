import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRuleMetas, flowRules, toolRules } from '../../src/rules/index.js';

const root = join(import.meta.dirname, '..', '..');
const HEADINGS = ['## Why is this dangerous', '## ❌ Incorrect', '## ✅ Correct', '## When not to use it', '## References'];

describe.each([
  ['tool', toolRules],
  ['flow', flowRules],
] as const)('%s rules registry', (kind, registry) => {
  const files = readdirSync(join(root, 'src/rules', kind)).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'helpers.ts'].includes(f)).map((f) => `${kind}/${f.replace(/\.ts$/, '')}`);
  it('lists every rule file, sorted, id equal to the path', () => {
    expect(Object.keys(registry)).toEqual([...files].sort());
    for (const [id, rule] of Object.entries(registry)) expect(rule.meta.id).toBe(id);
  });
  it.each(files)('%s has a test file and a doc page with the fixed headings', (id) => {
    expect(existsSync(join(root, 'test/rules', `${id}.test.ts`))).toBe(true);
    const doc = join(root, 'docs/rules', `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain(`# ${id}`);
    let at = -1;
    for (const h of HEADINGS) {
      const next = text.indexOf(h);
      expect(next, h).toBeGreaterThan(at);
      at = next;
    }
  });
  it('maps every detector to ATLAS AML.T0051 and at least one ATT&CK technique', () => {
    for (const rule of Object.values(registry)) {
      if (rule.meta.id === 'tool/malformed-definition') continue;
      expect(rule.meta.attack).toContain('AML.T0051');
      expect(rule.meta.attack.some((a: string) => /^T\d{4}/.test(a))).toBe(true);
    }
  });
});

describe('allRuleMetas', () => {
  it('includes tool and flow rules', () => {
    const ids = allRuleMetas().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([...Object.keys(toolRules), ...Object.keys(flowRules)]));
  });
});
