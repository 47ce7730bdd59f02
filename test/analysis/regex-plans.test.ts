// data/regex-plans.json holds the plans of every detection regex, made at build time
// (src/analysis/regex-plans.ts). It must match what planning the current tables gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRegex } from '../../src/analysis/regex-plan.js';
import { parsePlans, recordPlans, regexPlan, serialisePlans, STORED_PLANS_FILE } from '../../src/analysis/regex-plans.js';
import { prepareSecretPlans } from '../../src/analysis/secrets.js';
import { prepareSignalPlans } from '../../src/analysis/signals/index.js';

describe('generated regex plans', () => {
  it('match the current detection tables (run `npm run gen:plans` after changing a table)', () => {
    const fresh = recordPlans(() => {
      prepareSignalPlans();
      prepareSecretPlans();
    });
    expect(Object.keys(fresh).length).toBeGreaterThan(50);
    expect(readFileSync(STORED_PLANS_FILE, 'utf8')).toBe(serialisePlans(fresh));
  });

  it('keep unbounded reads through the JSON round trip', () => {
    const re = /report\s.{0,9}\bkeep.*$/gi;
    const plan = planRegex(re);
    expect(plan?.ahead).toBe(Infinity); // not JSON…
    const plans = { [`text/${re.flags}/${re.source}`]: plan ?? null };
    expect(parsePlans(serialisePlans(plans))).toEqual(plans); // …but survives the file format
  });

  it('plan a regex the file does not hold at run time, with the same result', () => {
    const re = /\bunlisted-anchor-[a-z]{2,8}\b/g;
    expect(regexPlan(re)).toEqual(planRegex(re));
  });
});
