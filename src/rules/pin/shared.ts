/**
 * What every pin rule shares: the ATT&CK / ATLAS mapping and the evidence format.
 * See docs/pinning.md ("ATT&CK and ATLAS mapping") for why each id is there.
 */
import { Atlas, Attack } from '../attack.js';

/** A server nobody reviewed: an unvetted agent tool entering the supply chain. */
export const SUPPLY_CHAIN = [Attack.CompromiseSoftwareSupplyChain, Atlas.SupplyChainAgentTool] as const;
/** Something reviewed changed afterwards: ATLAS "AI Supply Chain Rug Pull". */
export const RUG_PULL = [Attack.CompromiseSoftwareSupplyChain, Atlas.SupplyChainRugPull] as const;
/** Text the model reads changed: a prompt-injection vector (ATLAS LLM Prompt Injection). */
export const PROMPT_INJECTION = Atlas.PromptInjection;
/** Tool metadata (description, schema) changed: ATLAS AI Agent Tool Poisoning. */
export const TOOL_POISONING = Atlas.AgentToolPoisoning;
/** A tool presenting itself as another (rename, swapped description): ATT&CK Masquerading. */
export const MASQUERADING = Attack.Masquerading;

const short = (h: string | null): string => (h === null ? 'absent' : `${h.slice(0, 19)}…`);

/** Evidence of a change: the shortened hashes before and after (also keys the finding's fingerprint). */
export function hashEvidence(hashes: { old: string | null; new: string | null }): string {
  return `${short(hashes.old)} → ${short(hashes.new)}`;
}

/** The pin command that accepts a change after review (shown in remediation text). */
export const ACCEPT_HINT =
  'Read the diff. If the change is expected, accept it with `mcp-warden pin --update --server <server> [--tool <tool>]` (add `--store` for changes found by a scan without a lockfile); if not, stop using the server and report it to its maintainers.';

/** Spreads a diff into a report only when there is one. */
export function withDiff(diff: string | undefined): { diff?: string } {
  return diff === undefined ? {} : { diff };
}
