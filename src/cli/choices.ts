/**
 * @module cli/choices
 * Value lists the command definitions print in --help and check while parsing flags, copied here
 * because their sources load far more than the list: model/severity loads zod, discovery/index
 * every client adapter, pinning/lockfile the lockfile code and report/rule-list the reporters.
 * Defining the commands must load none of that, or `mcp-warden --help` and the long-running `wrap`
 * and `gateway` pay for it. test/cli/choices.test.ts fails when a copy differs from its source.
 */
import type { Severity } from '../model/severity.js';
import type { RuleListFormat } from '../report/rule-list.js';

/** Same values and order as SEVERITIES in model/severity.ts (most severe first). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly Severity[];

/** Same ids and order as CLIENT_IDS in discovery/index.ts (display order). */
export const CLIENT_IDS: readonly string[] = [
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'copilot-cli',
  'windsurf',
  'gemini-cli',
  'codex',
  'opencode',
  'zed',
  'continue',
  'goose',
  'amazon-q',
  'kiro',
  'cline',
  'roo-code',
  'kilo-code',
  'antigravity',
];

/** Same as LOCKFILE_NAME in pinning/lockfile.ts. */
export const LOCKFILE_NAME = 'mcp-warden.lock';

/** Same values and order as RULE_LIST_FORMATS in report/rule-list.ts. */
export const RULE_LIST_FORMATS = ['table', 'json', 'markdown'] as const satisfies readonly RuleListFormat[];
