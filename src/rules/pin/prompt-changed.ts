import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, PROMPT_INJECTION, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** Prompts are text a user inserts into the conversation with one click: their drift matters. */
export default defineRule<DriftChange, PinRuleContext, 'added' | 'removed' | 'changed'>({
  kind: 'pin',
  meta: {
    id: 'pin/prompt-changed',
    title: 'Prompt added, removed or changed',
    description:
      'Server prompts are templates users insert into the conversation; their descriptions and arguments are shown to users and models. A changed or new prompt is new text the model will read with the user\'s authority.',
    severity: 'medium',
    category: 'drift',
    attack: [...RUG_PULL, PROMPT_INJECTION],
    remediation: `Read the prompt diff. ${ACCEPT_HINT}`,
    messages: {
      added: 'Server "{{server}}" has a new prompt "{{prompt}}" that was not pinned.',
      removed: 'Server "{{server}}" no longer offers the pinned prompt "{{prompt}}".',
      changed: 'Prompt "{{prompt}}" of server "{{server}}" changed since it was pinned.',
    },
  },
  check(change) {
    if ((change.kind !== 'item-added' && change.kind !== 'item-removed' && change.kind !== 'item-changed') || change.item !== 'prompt') return [];
    const before = change.kind === 'item-added' ? undefined : change.pinned.definition;
    const after = change.kind === 'item-removed' ? undefined : change.current.definition;
    const messageId = change.kind === 'item-added' ? 'added' : change.kind === 'item-removed' ? 'removed' : 'changed';
    return [
      {
        messageId,
        ...(messageId === 'removed' ? { severity: 'low' as const } : {}),
        data: { server: change.server, prompt: change.key },
        field: `/prompts/${change.key}`,
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/prompts/${change.key}`, jsonText(before), jsonText(after))),
      },
    ];
  },
});
