import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, PROMPT_INJECTION, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** Server instructions go straight into the model's context: a change there is a change of orders. */
export default defineRule<DriftChange, PinRuleContext, 'changed' | 'added' | 'removed'>({
  kind: 'pin',
  meta: {
    id: 'pin/instructions-changed',
    title: 'Server instructions changed',
    description:
      'Clients put a server\'s instructions into the model\'s context on every session. Changing them after review is the simplest rug pull: the tools stay the same, but the model is told to use them differently.',
    severity: 'high',
    category: 'drift',
    attack: [...RUG_PULL, PROMPT_INJECTION],
    remediation: `Read the instructions diff for anything that steers tool use, asks for data, or hides behaviour. ${ACCEPT_HINT}`,
    messages: {
      changed: 'Server "{{server}}" changed its instructions since they were pinned.',
      added: 'Server "{{server}}" now sends instructions; none were pinned.',
      removed: 'Server "{{server}}" no longer sends the instructions that were pinned.',
    },
  },
  check(change) {
    if (change.kind !== 'instructions-changed') return [];
    const messageId = change.pinned === undefined ? 'added' : change.current === undefined ? 'removed' : 'changed';
    return [
      {
        messageId,
        // Losing instructions takes nothing new into the context; gaining or changing them does.
        ...(messageId === 'removed' ? { severity: 'low' as const } : {}),
        data: { server: change.server },
        field: '/instructions',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/instructions`, change.pinned?.text, change.current?.text)),
      },
    ];
  },
});
