import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, MASQUERADING, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** Same definition, new name: pins keyed by name alone would call this a brand-new, unreviewed tool. */
export default defineRule<DriftChange, PinRuleContext, 'renamed'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-renamed',
    title: 'Tool renamed',
    description:
      'A pinned tool is offered under a new name with an otherwise identical definition. Renames are how a tool starts shadowing another server\'s tool (same name, different owner), and they reset pins that are keyed by name only.',
    severity: 'medium',
    category: 'drift',
    attack: [...RUG_PULL, MASQUERADING],
    remediation: `Check that the new name does not collide with a tool of another server. ${ACCEPT_HINT}`,
    messages: { renamed: 'Server "{{server}}" renamed tool "{{from}}" to "{{to}}" (definition otherwise unchanged).' },
  },
  check(change) {
    if (change.kind !== 'tool-renamed') return [];
    return [
      {
        messageId: 'renamed',
        data: { server: change.server, from: change.from.name, to: change.to.name },
        tool: change.to.name,
        field: '/name',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/tools/${change.to.name}/name`, change.from.name, change.to.name)),
      },
    ];
  },
});
