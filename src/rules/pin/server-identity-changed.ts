import type { DriftChange } from '../../pinning/drift.js';
import { unifiedDiff } from '../../pinning/diff-text.js';
import { describeLaunch } from '../../pinning/identity.js';
import { defineRule } from '../define.js';
import { ACCEPT_HINT, RUG_PULL, hashEvidence, withDiff } from './shared.js';
import type { PinRuleContext } from './types.js';

/** The same server name now runs other code or answers at another address. */
export default defineRule<DriftChange, PinRuleContext, 'package' | 'image' | 'url' | 'launch'>({
  kind: 'pin',
  meta: {
    id: 'pin/server-identity-changed',
    title: 'Server launch identity changed',
    description:
      'The server keeps its name but is launched or reached differently: another package version, container image, command or URL. Whatever it advertises now comes from code that was not reviewed, even when its tools look the same.',
    severity: 'high',
    category: 'drift',
    attack: [...RUG_PULL],
    remediation: `Check the new package, image or URL (release notes, provenance) before accepting it. ${ACCEPT_HINT}`,
    messages: {
      package: 'Server "{{server}}" now runs package {{new}} instead of the pinned {{old}}.',
      image: 'Server "{{server}}" now runs image {{new}} instead of the pinned {{old}}.',
      url: 'Server "{{server}}" moved from {{old}} to {{new}}.',
      launch: 'Server "{{server}}" is launched differently: pinned `{{old}}`, now `{{new}}`.',
    },
  },
  check(change) {
    if (change.kind !== 'server-identity-changed') return [];
    const { pinned, current } = change;
    const [messageId, old, now] =
      pinned.package !== undefined && current.package !== undefined && pinned.package !== current.package
        ? (['package', pinned.package, current.package] as const)
        : pinned.image !== undefined && current.image !== undefined && pinned.image !== current.image
          ? (['image', pinned.image, current.image] as const)
          : pinned.url !== undefined && current.url !== undefined && pinned.url !== current.url
            ? (['url', pinned.url, current.url] as const)
            : (['launch', describeLaunch(pinned), describeLaunch(current)] as const);
    return [
      {
        messageId,
        data: { server: change.server, old: old, new: now },
        field: '/launch',
        evidence: hashEvidence({ old: pinned.hash, new: current.hash }),
        ...withDiff(unifiedDiff(`${change.server}/launch`, describeLaunch(pinned), describeLaunch(current))),
      },
    ];
  },
});
