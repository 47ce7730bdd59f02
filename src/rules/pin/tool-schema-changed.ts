import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { joinDiffs, jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, TOOL_POISONING, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** The schema changed while the description may not have: invisible to description-only pins. */
export default defineRule<DriftChange, PinRuleContext, 'input' | 'output' | 'both'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-schema-changed',
    title: 'Tool schema changed',
    description:
      'The input or output schema of a pinned tool changed. A new parameter (a "notes" or "context" field the model is asked to fill) is a way to pull data out, and parameter descriptions are model-read text too. Pins that hash only the description miss this entirely.',
    severity: 'high',
    category: 'drift',
    attack: [...RUG_PULL, TOOL_POISONING],
    remediation: `Read the schema diff: new parameters, widened types, and new parameter descriptions. ${ACCEPT_HINT}`,
    messages: {
      input: 'Tool "{{tool}}" of server "{{server}}" changed its input schema since it was pinned.',
      output: 'Tool "{{tool}}" of server "{{server}}" changed its output schema since it was pinned.',
      both: 'Tool "{{tool}}" of server "{{server}}" changed its input and output schemas since they were pinned.',
    },
  },
  check(change) {
    if (change.kind !== 'tool-changed') return [];
    const input = change.parts.includes('inputSchema');
    const output = change.parts.includes('outputSchema');
    if (!input && !output) return [];
    const label = `${change.server}/tools/${change.current.name}`;
    const before = change.pinned.definition;
    const after = change.current.definition;
    return [
      {
        messageId: input && output ? 'both' : input ? 'input' : 'output',
        data: { server: change.server, tool: change.current.name },
        tool: change.current.name,
        field: input ? '/inputSchema' : '/outputSchema',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(
          joinDiffs(
            input ? unifiedDiff(`${label}/inputSchema`, jsonText(before['inputSchema']), jsonText(after['inputSchema'])) : undefined,
            output ? unifiedDiff(`${label}/outputSchema`, jsonText(before['outputSchema']), jsonText(after['outputSchema'])) : undefined,
          ),
        ),
      },
    ];
  },
});
