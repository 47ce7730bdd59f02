import { Attack } from '../attack.js';
import { defineRule } from '../define.js';
import type { IdentityDiff, LiveObservation, LiveRuleContext } from './types.js';

/** At most this many names per list in a message; the evidence carries the full diff (clipped). */
const MAX_NAMES = 10;

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).join(', ');
  return list.length > MAX_NAMES ? `${shown} (+${list.length - MAX_NAMES} more)` : shown;
}

function summary(d: IdentityDiff): string {
  const parts: string[] = [];
  if (d.added.length > 0) parts.push(`only shown to ${d.other}: ${names(d.added)}`);
  if (d.removed.length > 0) parts.push(`hidden from ${d.other}: ${names(d.removed)}`);
  if (d.changed.length > 0) parts.push(`defined differently for ${d.other}: ${names(d.changed)}`);
  return parts.join('; ');
}

/**
 * A server that shows different tools depending on which client asks is behaving like malware that
 * detects its analyst: a scanner (or one client) sees the benign set, the target client the real one.
 */
export default defineRule<LiveObservation, LiveRuleContext, 'toolsDiffer'>({
  kind: 'live',
  meta: {
    id: 'live/identity-dependent-tools',
    title: 'Tools differ by client identity',
    description:
      'The server advertised different tools, or different definitions of the same tools, depending on the clientInfo the client sent. Legitimate servers rarely need this; a malicious one uses it to show reviewers and scanners a clean tool set while serving the targeted client a poisoned one.',
    severity: 'high',
    category: 'evasion',
    attack: [Attack.ExecutionGuardrails],
    remediation:
      'Review the tools each client sees (mcp-warden inspect --identify-as ...) and pin the definitions your client actually receives; ask the server author why the tool set depends on the client, and do not use the server until that is explained.',
    messages: {
      toolsDiffer: 'Server "{{name}}" shows {{other}} different tools than {{base}}: {{summary}}.',
    },
  },
  check(o) {
    return o.identityDiffs
      .filter((d) => d.added.length + d.removed.length + d.changed.length > 0)
      .map((d) => ({
        messageId: 'toolsDiffer' as const,
        data: { name: o.entry.name, base: d.base, other: d.other, summary: summary(d) },
        evidence: JSON.stringify({ base: d.base, other: d.other, added: d.added, removed: d.removed, changed: d.changed }),
      }));
  },
});
