import type { AnalyzedDefinition } from '../../analysis/definition.js';
import type { ServerSnapshot } from '../../model/index.js';
import type { Rule } from '../types.js';

/** What a tool rule may know besides the definition itself: the server it came from. */
export interface ToolRuleContext {
  snapshot: ServerSnapshot;
}

/**
 * A tool rule checks one analysed definition: a tool, a prompt, a resource, or the server's
 * instructions (`subject.kind`). Pointers in reports are relative to a tool for tools, and to the
 * server snapshot for everything else.
 */
export type ToolRule<MessageIds extends string = string> = Rule<AnalyzedDefinition, ToolRuleContext, MessageIds>;
