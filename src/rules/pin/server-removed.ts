import { changeHashes, type DriftChange } from '../../pinning/drift.js';

import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence } from './shared.js';
import type { PinRuleContext } from './types.js';

/** A pinned server that is gone: either it was removed on purpose, or something replaced it. */
export default defineRule<DriftChange, PinRuleContext, 'removed'>({
  kind: 'pin',
  meta: {
    id: 'pin/server-removed',
    title: 'Pinned server no longer present',
    description:
      'A server in the lockfile was not found among the servers checked. Usually it was removed on purpose; sometimes a server was renamed or swapped for another, and the lockfile should say so.',
    severity: 'low',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `If the server was removed on purpose, drop it from the lockfile. ${ACCEPT_HINT}`,
    messages: { removed: 'Pinned server "{{server}}" was not seen ({{tools}} pinned tool(s)).' },
  },
  check(change) {
    if (change.kind !== 'server-removed') return [];
    return [{ messageId: 'removed', data: { server: change.server, tools: change.pinned.tools.length }, evidence: hashEvidence(changeHashes(change)) }];
  },
});
