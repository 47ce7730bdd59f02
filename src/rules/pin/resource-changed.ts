import { changeHashes, type DriftChange } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** Resources and resource templates: what the server offers to be read into the context. */
export default defineRule<DriftChange, PinRuleContext, 'added' | 'removed' | 'changed'>({
  kind: 'pin',
  meta: {
    id: 'pin/resource-changed',
    title: 'Resource added, removed or changed',
    description:
      'A server\'s resources and resource templates say what it offers to read into the conversation (files, records, URLs). A new or redirected resource can point the model at data it should not see, and resource descriptions are model-read text.',
    severity: 'low',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `Check what the new or changed resource points at. ${ACCEPT_HINT}`,
    messages: {
      added: 'Server "{{server}}" has a new {{what}} "{{uri}}" that was not pinned.',
      removed: 'Server "{{server}}" no longer offers the pinned {{what}} "{{uri}}".',
      changed: 'The {{what}} "{{uri}}" of server "{{server}}" changed since it was pinned.',
    },
  },
  check(change) {
    if ((change.kind !== 'item-added' && change.kind !== 'item-removed' && change.kind !== 'item-changed') || change.item === 'prompt') return [];
    const before = change.kind === 'item-added' ? undefined : change.pinned.definition;
    const after = change.kind === 'item-removed' ? undefined : change.current.definition;
    const messageId = change.kind === 'item-added' ? 'added' : change.kind === 'item-removed' ? 'removed' : 'changed';
    const list = change.item === 'resource' ? 'resources' : 'resourceTemplates';
    return [
      {
        messageId,
        ...(messageId === 'changed' ? { severity: 'medium' as const } : {}),
        data: { server: change.server, uri: change.key, what: change.item === 'resource' ? 'resource' : 'resource template' },
        field: `/${list}/${change.key}`,
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${change.server}/${list}/${change.key}`, jsonText(before), jsonText(after))),
      },
    ];
  },
});
