import type { ServerEntry, ServerSnapshot } from '../../model/index.js';
import type { Rule } from '../types.js';

/** How the tool set seen by one client identity differs from the one seen by the first identity. */
export interface IdentityDiff {
  /** clientInfo name of the first identity (the baseline). */
  base: string;
  /** clientInfo name of the identity compared with it. */
  other: string;
  /** Tool names only `other` was shown. */
  added: string[];
  /** Tool names only `base` was shown. */
  removed: string[];
  /** Tool names both saw, with different definitions. */
  changed: string[];
}

/**
 * What live inspection observed about one server, beyond its snapshot: how it was reached and how
 * it behaved towards different clients. Live rules judge this; they never connect themselves.
 */
export interface LiveObservation {
  entry: ServerEntry;
  snapshot: ServerSnapshot;
  /** Transport the session actually used. */
  transport: 'stdio' | 'http' | 'sse';
  /** For remote servers: the URL connected to. */
  url?: string;
  /** True when the requests carried credentials (an Authorization header, a token-like header or URL parameter). */
  credentialsSent: boolean;
  /** Differences between client identities; empty when a single identity was used. */
  identityDiffs: IdentityDiff[];
}

/** Nothing yet: live rules are pure functions of the observation. */
export type LiveRuleContext = Record<string, never>;

export type LiveRule<MessageIds extends string = string> = Rule<LiveObservation, LiveRuleContext, MessageIds>;

/** True for hosts that only this machine can reach (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
