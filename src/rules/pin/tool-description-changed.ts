import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { unifiedDiff, joinDiffs } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, PROMPT_INJECTION, RUG_PULL, TOOL_POISONING, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : v === undefined ? undefined : JSON.stringify(v));

/** The text the model reads to decide how to use a tool changed after review: the classic rug pull. */
export default defineRule<DriftChange, PinRuleContext, 'description' | 'title'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-description-changed',
    title: 'Tool description changed',
    description:
      'A tool description is instructions the model follows. A server that changes it after it was reviewed ("rug pull") can tell the model to read secrets, call other tools or send data out, while the tool keeps its name and looks the same in the client.',
    severity: 'high',
    category: 'drift',
    attack: [...RUG_PULL, PROMPT_INJECTION, TOOL_POISONING],
    remediation: `Read the description diff for instructions to the model, references to other tools or files, and hidden text. ${ACCEPT_HINT}`,
    messages: {
      description: 'Tool "{{tool}}" of server "{{server}}" changed its description since it was pinned.',
      title: 'Tool "{{tool}}" of server "{{server}}" changed its title since it was pinned.',
    },
  },
  check(change) {
    if (change.kind !== 'tool-changed') return [];
    const descriptionChanged = change.parts.includes('description') && change.swappedFrom === undefined;
    const titleChanged = change.parts.includes('title');
    if (!descriptionChanged && !titleChanged) return [];
    const label = `${change.server}/tools/${change.current.name}`;
    const before = change.pinned.definition;
    const after = change.current.definition;
    return [
      {
        messageId: descriptionChanged ? 'description' : 'title',
        // A title is a short label, not instructions: a title-only change matters less.
        ...(descriptionChanged ? {} : { severity: 'medium' as const }),
        data: { server: change.server, tool: change.current.name },
        tool: change.current.name,
        field: descriptionChanged ? '/description' : '/title',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(
          joinDiffs(
            titleChanged ? unifiedDiff(`${label}/title`, text(before['title']), text(after['title'])) : undefined,
            descriptionChanged ? unifiedDiff(`${label}/description`, text(before['description']), text(after['description'])) : undefined,
          ),
        ),
      },
    ];
  },
});
