/**
 * @module discovery
 * Every supported client, in display order. Adding a client = one adapter file + its test + a line
 * here (+ a row in docs/clients.md). The order also settles ties: a file two clients read is
 * reported under the first, and --config picks the first of equally good shape matches.
 */
import type { ClientConfigAdapter } from './types.js';
import { CLIENT_IDS } from './client-ids.js';
import { ClaudeDesktopConfigAdapter } from './claude-desktop.js';
import { ClaudeCodeConfigAdapter } from './claude-code.js';
import { CursorConfigAdapter } from './cursor.js';
import { VsCodeConfigAdapter } from './vscode.js';
import { CopilotCliConfigAdapter } from './copilot-cli.js';
import { WindsurfConfigAdapter } from './windsurf.js';
import { GeminiCliConfigAdapter } from './gemini-cli.js';
import { CodexConfigAdapter } from './codex.js';
import { OpenCodeConfigAdapter } from './opencode.js';
import { ZedConfigAdapter } from './zed.js';
import { ContinueConfigAdapter } from './continue.js';
import { GooseConfigAdapter } from './goose.js';
import { AmazonQConfigAdapter } from './amazon-q.js';
import { KiroConfigAdapter } from './kiro.js';
import { ClineConfigAdapter } from './cline.js';
import { RooCodeConfigAdapter } from './roo-code.js';
import { KiloCodeConfigAdapter } from './kilo-code.js';
import { AntigravityConfigAdapter } from './antigravity.js';

export const ADAPTERS: readonly ClientConfigAdapter[] = [
  ClaudeDesktopConfigAdapter,
  ClaudeCodeConfigAdapter,
  CursorConfigAdapter,
  VsCodeConfigAdapter,
  CopilotCliConfigAdapter,
  WindsurfConfigAdapter,
  GeminiCliConfigAdapter,
  CodexConfigAdapter,
  OpenCodeConfigAdapter,
  ZedConfigAdapter,
  ContinueConfigAdapter,
  GooseConfigAdapter,
  AmazonQConfigAdapter,
  KiroConfigAdapter,
  ClineConfigAdapter,
  RooCodeConfigAdapter,
  KiloCodeConfigAdapter,
  AntigravityConfigAdapter,
];

// The adapters and the light id list (read by the CLI's flag definitions) must agree.
if (ADAPTERS.map((a) => a.id).join(',') !== CLIENT_IDS.join(',')) {
  throw new Error(`discovery: the adapters (${ADAPTERS.map((a) => a.id).join(', ')}) and discovery/client-ids.ts (${CLIENT_IDS.join(', ')}) list different clients; add the new id there, in display order`);
}

export { CLIENT_IDS };

export function adapterById(id: string): ClientConfigAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export type { Candidate, ClientConfigAdapter, ConfigCandidate, DirectoryCandidate, DiscoveryEnv } from './types.js';
