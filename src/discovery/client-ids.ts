/**
 * @fileoverview The ids `--client` accepts, in display order, as plain data: the CLI's flag
 * definitions list them without loading the adapters. discovery/index.ts checks at load time
 * that its adapters have exactly these ids, in this order.
 */

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
