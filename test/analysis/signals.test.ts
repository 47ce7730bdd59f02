import { describe, expect, it } from 'vitest';
import { SIGNAL_PATTERNS, signalsOf } from '../../src/analysis/signals/index.js';

describe('signal tables', () => {
  for (const p of SIGNAL_PATTERNS) {
    describe(p.id, () => {
      it('has samples', () => {
        expect(p.truePositives.length).toBeGreaterThan(0);
        expect(p.description.length).toBeGreaterThan(10);
      });
      for (const tp of p.truePositives) {
        it(`matches: ${tp.slice(0, 60)}`, () => {
          const lower = tp.toLowerCase();
          if (p.keywords.length > 0) expect(p.keywords.some((k) => lower.includes(k)), 'a keyword must occur, or the prefilter skips the pattern').toBe(true);
          p.regex.lastIndex = 0;
          expect(p.regex.test(lower)).toBe(true);
          expect(signalsOf(tp).hits(p.kind).some((h) => h.id === p.id)).toBe(true);
        });
      }
      for (const fp of p.falsePositives) {
        it(`does not match: ${fp.slice(0, 60)}`, () => {
          expect(signalsOf(fp).hits(p.kind).some((h) => h.id === p.id)).toBe(false);
        });
      }
    });
  }
});
