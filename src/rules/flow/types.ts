import type { AnalyzedDefinition } from '../../analysis/definition.js';
import type { Finding } from '../../model/index.js';
import type { Rule } from '../types.js';

/** All servers one client connects together: what flow rules look at. */
export interface FlowSubject {
  /** Client id (or "inventory") and the file the servers were declared or captured in. */
  client: string;
  file?: string;
  servers: readonly string[];
  definitions: readonly AnalyzedDefinition[];
  /** Findings of the tool rules for these servers (a poisoned tool raises a flow's severity). */
  toolFindings: readonly Finding[];
}

export type FlowContext = Record<string, never>;

export type FlowRule<MessageIds extends string = string> = Rule<FlowSubject, FlowContext, MessageIds>;
