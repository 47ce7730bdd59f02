/**
 * @fileoverview Work the analysis otherwise does on the first long text (16 KB) it meets: loading
 * the signal and secret regexes' plans (generated at build time, regex-plans.ts) and building the
 * automaton of their anchors, about 50 ms in all; from then on texts of 2 KB or more use the plans. A CLI scan of tool
 * descriptions never needs them. A process that will scan large texts and cares about the latency of
 * the first one (the gateway's result scanning and DLP) can call warmUpAnalysis() once at startup.
 * Results are the same either way.
 */
import { prepareSecretPlans } from './secrets.js';
import { prepareSignalPlans } from './signals/index.js';

export function warmUpAnalysis(): void {
  prepareSignalPlans();
  prepareSecretPlans();
}
