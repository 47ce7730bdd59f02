// Every supported client, in display order. Adding a client = one adapter file + its test + a line here.
import type { ClientConfigAdapter } from './types.js';
import { ClaudeDesktopConfigAdapter } from './claude-desktop.js';

export const ADAPTERS: readonly ClientConfigAdapter[] = [ClaudeDesktopConfigAdapter];

export function adapterById(id: string): ClientConfigAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export type { ClientConfigAdapter, ConfigCandidate, DiscoveryEnv } from './types.js';
