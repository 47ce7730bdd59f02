// The rule registry: every rule of every kind, by id.
import type { RuleMeta } from './types.js';
import { configRules } from './config/index.js';
import { flowRules } from './flow/index.js';
import { toolRules } from './tool/index.js';

export { configRules, flowRules, toolRules };

/** Metadata of every rule, for SARIF `tool.driver.rules`, docs and `mcp-warden rules`. */
export function allRuleMetas(): RuleMeta[] {
  return [...Object.values(configRules), ...Object.values(toolRules), ...Object.values(flowRules)].map((r) => r.meta as RuleMeta);
}
