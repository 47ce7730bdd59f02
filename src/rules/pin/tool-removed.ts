import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** A pinned tool is gone; on its own harmless, but part of the record of what changed. */
export default defineRule<DriftChange, PinRuleContext, 'removed'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-removed',
    title: 'Pinned tool removed',
    description:
      'A tool that was pinned is no longer offered. Removal alone takes nothing new into the model\'s context, but workflows that relied on the tool break, and a removal next to an added tool may be a replacement worth a look.',
    severity: 'low',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `Confirm the removal is expected (release notes). ${ACCEPT_HINT}`,
    messages: { removed: 'Server "{{server}}" no longer offers the pinned tool "{{tool}}".' },
  },
  check(change) {
    if (change.kind !== 'tool-removed') return [];
    const t = change.tool;
    return [
      {
        messageId: 'removed',
        data: { server: change.server, tool: t.name },
        tool: t.name,
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/tools/${t.name}`, jsonText(t.definition), undefined)),
      },
    ];
  },
});
