// The rule registry: every rule of every kind, by id.
import type { RuleMeta } from './types.js';
import { configRules } from './config/index.js';
import { liveRules } from './live/index.js';

export { configRules, liveRules };

/** Metadata of every rule, for SARIF `tool.driver.rules`, docs and `mcp-warden rules`. */
export function allRuleMetas(): RuleMeta[] {
  return [...Object.values(configRules), ...Object.values(liveRules)].map((r) => r.meta as RuleMeta);
}
