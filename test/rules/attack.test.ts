/**
 * @fileoverview docs/attack-mapping.md, src/rules/attack.ts and the rules' `attack` ids agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_TECHNIQUE_IDS, TECHNIQUE_NAMES, techniqueUrl, type TechniqueId } from '../../src/rules/attack.js';
import { allRuleMetas } from '../../src/rules/index.js';

interface Row {
  id: string;
  framework: string;
  name: string;
  usedBy: string;
}

const doc = readFileSync(new URL('../../docs/attack-mapping.md', import.meta.url), 'utf8');
const rows: Row[] = doc
  .split('\n')
  .filter((l) => /^\| (?:T\d{4}|AML\.T\d{4})/.test(l))
  .map((l) => {
    const cells = l.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim());
    return { id: cells[0] ?? '', framework: cells[1] ?? '', name: cells[2] ?? '', usedBy: cells[3] ?? '' };
  });
const byId = new Map(rows.map((r) => [r.id, r]));
const metas = allRuleMetas();

describe('docs/attack-mapping.md', () => {
  it('has one row per technique constant, with its official name and framework', () => {
    expect(rows.map((r) => r.id).sort()).toEqual([...ALL_TECHNIQUE_IDS].sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.name, r.id).toBe(TECHNIQUE_NAMES[r.id as TechniqueId]);
      expect(r.framework, r.id).toBe(r.id.startsWith('AML.') ? 'ATLAS' : 'ATT&CK');
    }
  });

  it('lists every rule under every id it carries (by id, or by `<kind>/*` for a whole kind)', () => {
    for (const meta of metas) {
      const kind = meta.id.split('/')[0] ?? '';
      for (const id of meta.attack) {
        const usedBy = byId.get(id)?.usedBy ?? '';
        expect(usedBy.includes(meta.id) || usedBy.includes(`${kind}/*`), `${meta.id} uses ${id}; docs/attack-mapping.md should list it`).toBe(true);
      }
    }
  });

  it('names only rules that exist and carry that id', () => {
    const known = new Map(metas.map((m) => [m.id, m]));
    for (const r of rows) {
      for (const ruleId of r.usedBy.match(/\b(?:config|tool|flow|pin)\/[a-z0-9-]+\b/g) ?? []) {
        expect(known.has(ruleId), `${r.id} names unknown rule ${ruleId}`).toBe(true);
        expect(known.get(ruleId)?.attack, `${ruleId} should carry ${r.id}`).toContain(r.id);
      }
    }
  });
});

describe('techniqueUrl', () => {
  it('links sub-techniques the way attack.mitre.org and atlas.mitre.org expect', () => {
    expect(techniqueUrl('T1059.003')).toBe('https://attack.mitre.org/techniques/T1059/003/');
    expect(techniqueUrl('T1105')).toBe('https://attack.mitre.org/techniques/T1105/');
    expect(techniqueUrl('AML.T0051.001')).toBe('https://atlas.mitre.org/techniques/AML.T0051.001');
  });
});
