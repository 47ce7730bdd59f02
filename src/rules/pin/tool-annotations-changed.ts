import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import type { Severity } from '../../model/index.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

type Hints = Record<string, unknown> | undefined;

/**
 * True when the hints now claim less safety than before: no longer read-only, now destructive,
 * now open-world, no longer idempotent. Clients use these hints to skip confirmations.
 */
function widened(before: Hints, after: Hints): boolean {
  const b = before ?? {};
  const a = after ?? {};
  return (
    (b['readOnlyHint'] === true && a['readOnlyHint'] !== true) ||
    (b['destructiveHint'] === false && a['destructiveHint'] !== false) ||
    (b['openWorldHint'] === false && a['openWorldHint'] !== false) ||
    (b['idempotentHint'] === true && a['idempotentHint'] !== true)
  );
}

/** The hints clients use to decide on confirmations changed. */
export default defineRule<DriftChange, PinRuleContext, 'changed' | 'widened'>({
  kind: 'pin',
  meta: {
    id: 'pin/tool-annotations-changed',
    title: 'Tool annotations changed',
    description:
      'Tool annotations (readOnlyHint, destructiveHint, openWorldHint, idempotentHint) tell clients how careful to be; some clients skip confirmation for read-only tools. A tool that stops claiming to be read-only, or starts being destructive, changed what it may do.',
    severity: 'medium',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `Check whether the tool's behaviour changed with its hints; re-review any auto-approval you granted it. ${ACCEPT_HINT}`,
    messages: {
      changed: 'Tool "{{tool}}" of server "{{server}}" changed its annotations since they were pinned.',
      widened: 'Tool "{{tool}}" of server "{{server}}" no longer claims the safety its pinned annotations did ({{what}}).',
    },
  },
  check(change) {
    if (change.kind !== 'tool-changed' || !change.parts.includes('annotations')) return [];
    const before = change.pinned.definition['annotations'] as Hints;
    const after = change.current.definition['annotations'] as Hints;
    const wider = widened(before, after);
    const severity: Severity = wider ? 'high' : 'medium';
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
      .filter((k) => JSON.stringify((before ?? {})[k]) !== JSON.stringify((after ?? {})[k]))
      .sort();
    return [
      {
        messageId: wider ? 'widened' : 'changed',
        severity,
        data: { server: change.server, tool: change.current.name, what: keys.join(', ') },
        tool: change.current.name,
        field: '/annotations',
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/tools/${change.current.name}/annotations`, jsonText(before), jsonText(after))),
      },
    ];
  },
});
