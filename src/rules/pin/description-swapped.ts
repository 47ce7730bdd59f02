import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, MASQUERADING, PROMPT_INJECTION, RUG_PULL, TOOL_POISONING, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** A tool now wears the description reviewed for another tool: the model will misjudge what it does. */
export default defineRule<DriftChange, PinRuleContext, 'swapped' | 'swappedAcrossServers'>({
  kind: 'pin',
  meta: {
    id: 'pin/description-swapped',
    title: 'Tool description swapped in from another tool',
    description:
      'A tool kept its name but now carries, word for word, the description that was pinned for a different tool. The model picks tools by description, so a destructive or exfiltrating tool dressed in a harmless tool\'s description gets called where the harmless one was meant.',
    severity: 'high',
    category: 'drift',
    attack: [...RUG_PULL, PROMPT_INJECTION, TOOL_POISONING, MASQUERADING],
    remediation: `Compare what the tool does with the description it now carries; a swap is rarely legitimate. ${ACCEPT_HINT}`,
    messages: {
      swapped: 'Tool "{{tool}}" of server "{{server}}" now carries the description pinned for its tool "{{source}}".',
      swappedAcrossServers: 'Tool "{{tool}}" of server "{{server}}" now carries the description pinned for tool "{{source}}" of server "{{sourceServer}}".',
    },
  },
  check(change) {
    if (change.kind !== 'tool-changed' || change.swappedFrom === undefined) return [];
    const from = change.swappedFrom;
    const desc = (d: Record<string, unknown>) => (typeof d['description'] === 'string' ? d['description'] : undefined);
    return [
      {
        messageId: from.server === change.server ? 'swapped' : 'swappedAcrossServers',
        data: { server: change.server, tool: change.current.name, source: from.tool, sourceServer: from.server },
        tool: change.current.name,
        field: '/description',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/tools/${change.current.name}/description`, desc(change.pinned.definition), desc(change.current.definition))),
      },
    ];
  },
});
