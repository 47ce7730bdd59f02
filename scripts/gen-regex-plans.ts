// Writes data/regex-plans.json: the regex plans of every detection table (signals, views,
// secrets), made once here instead of in every process (see src/analysis/regex-plans.ts).
// Run with `npm run gen:plans` after changing a table; test/analysis/regex-plans.test.ts fails
// until the file matches the tables.
import { writeFileSync } from 'node:fs';
import { recordPlans, serialisePlans, STORED_PLANS_FILE } from '../src/analysis/regex-plans.js';
import { prepareSecretPlans } from '../src/analysis/secrets.js';
import { prepareSignalPlans } from '../src/analysis/signals/index.js';

const plans = recordPlans(() => {
  prepareSignalPlans();
  prepareSecretPlans();
});
writeFileSync(STORED_PLANS_FILE, serialisePlans(plans));
console.log(`${Object.keys(plans).length} regex plans written to ${STORED_PLANS_FILE.pathname}`);
