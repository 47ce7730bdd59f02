import { changeHashes } from '../../pinning/drift.js';
import { jsonText, unifiedDiff } from '../../pinning/diff-text.js';
import { describeLaunch } from '../../pinning/identity.js';
import { defineRule } from '../define.js';
import type { DriftChange } from '../../pinning/drift.js';
import { ACCEPT_HINT, SUPPLY_CHAIN, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** A server that was never pinned: nothing it advertises has been reviewed. */
export default defineRule<DriftChange, PinRuleContext, 'added'>({
  kind: 'pin',
  meta: {
    id: 'pin/server-added',
    title: 'Server not in the lockfile',
    description:
      'The server is used but was never pinned, so none of its tools, prompts or instructions has been reviewed. A server added by a pull request or a client update reaches the model unchecked.',
    severity: 'medium',
    category: 'drift',
    attack: [...SUPPLY_CHAIN],
    remediation: `Review what the server advertises (run \`mcp-warden scan\` on it), then pin it. ${ACCEPT_HINT}`,
    messages: { added: 'Server "{{server}}" ({{launch}}) is not pinned: {{tools}} tool(s) unreviewed.' },
  },
  check(change) {
    if (change.kind !== 'server-added') return [];
    const s = change.current;
    return [
      {
        messageId: 'added',
        data: { server: s.name, launch: describeLaunch(s.launch), tools: s.tools.length },
        evidence: hashEvidence(changeHashes(change)),
        ...withDiff(unifiedDiff(`${s.name}/tools`, undefined, jsonText(s.tools.map((t) => t.definition)))),
      },
    ];
  },
});

