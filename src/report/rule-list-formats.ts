/**
 * @fileoverview The formats `mcp-warden rules` renders, as plain data for the CLI's flag definitions.
 */

export const RULE_LIST_FORMATS = ['table', 'json', 'markdown'] as const;
export type RuleListFormat = (typeof RULE_LIST_FORMATS)[number];
