// The rule registry: every rule of every kind, by id.
import type { RuleMeta } from './types.js';
import { configRules } from './config/index.js';
import { flowRules } from './flow/index.js';
import { liveRules } from './live/index.js';
import { pinDriftRules, pinLockfileRules } from './pin/index.js';
import { supplyChainRules } from './supplychain/index.js';
import { toolRules } from './tool/index.js';

export { configRules, flowRules, liveRules, pinDriftRules, pinLockfileRules, supplyChainRules, toolRules };

/** Metadata of every rule, for SARIF `tool.driver.rules`, docs and `mcp-warden rules`. */
export function allRuleMetas(): RuleMeta[] {
  return [
    ...Object.values(configRules),
    ...Object.values(toolRules),
    ...Object.values(flowRules),
    ...Object.values(liveRules),
    ...Object.values(pinDriftRules),
    ...Object.values(pinLockfileRules),
    ...Object.values(supplyChainRules),
  ].map((r) => r.meta as RuleMeta);
}
