import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** A pinned server grew a tool nobody reviewed. */
export default defineRule<DriftChange, PinRuleContext, 'added'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-added',
    title: 'New tool on a pinned server',
    description:
      'A server that was reviewed now offers a tool that was not. A new tool can do anything its server can (send data out, write files), and its description is new text in the model\'s context.',
    severity: 'medium',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `Review the new tool's description and input schema (the diff shows the full definition). ${ACCEPT_HINT}`,
    messages: { added: 'Server "{{server}}" has a new tool "{{tool}}" that was not pinned.' },
  },
  check(change) {
    if (change.kind !== 'tool-added') return [];
    const t = change.tool;
    return [
      {
        messageId: 'added',
        data: { server: change.server, tool: t.name },
        tool: t.name,
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/tools/${t.name}`, undefined, jsonText(t.definition))),
      },
    ];
  },
});
