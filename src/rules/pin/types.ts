import type { DriftChange } from '../../pinning/drift.js';
import type { SignatureStatus } from '../../pinning/signature.js';
import type { Rule } from '../types.js';

/** Pin rules need no environment: a drift change carries everything (both definitions). */
export type PinRuleContext = Record<string, never>;

/** A drift rule: reports the changes of its own kind, with a readable diff. */
export type PinRule<MessageIds extends string = string> = Rule<DriftChange, PinRuleContext, MessageIds>;

/** The lockfile signature check, reported as a finding so CI (SARIF) sees it like drift. */
export type SignatureRule<MessageIds extends string = string> = Rule<SignatureStatus, PinRuleContext, MessageIds>;
