import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveRules } from '../../../src/rules/live/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const NOT_RULES = new Set(['index.ts', 'types.ts']);

describe('live rule registry', () => {
  const files = readdirSync(join(ROOT, 'src', 'rules', 'live')).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

  it('lists exactly the rule files of the folder, sorted, each under its own path as id', () => {
    const ids = Object.keys(liveRules);
    expect(ids).toEqual(files.map((f) => `live/${f.replace(/\.ts$/, '')}`).sort());
    expect(ids).toEqual([...ids].sort());
    for (const [id, rule] of Object.entries(liveRules)) expect(rule.meta.id).toBe(id);
  });

  it.each(Object.keys(liveRules))('%s has a doc page with the required sections and a test file', (id) => {
    const doc = join(ROOT, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc, 'utf8');
    for (const heading of ['## Why is this dangerous', '## Examples', '## When not to use it', '## References']) expect(text).toContain(heading);
    expect(text).toContain('❌');
    expect(text).toContain('✅');
    expect(existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`))).toBe(true);
  });
});
