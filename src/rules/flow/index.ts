// Registry of flow rules, sorted by id. A test checks it matches the files in this folder and docs/rules/flow/.
import type { FlowRule } from './types.js';
import crossServerReference from './cross-server-reference.js';
import toolNameCollision from './tool-name-collision.js';
import toxicFlow from './toxic-flow.js';

export const flowRules = {
  'flow/cross-server-reference': crossServerReference,
  'flow/tool-name-collision': toolNameCollision,
  'flow/toxic-flow': toxicFlow,
} satisfies Record<string, FlowRule>;
