import { defineRule } from '../define.js';
import { refLabel } from '../../supplychain/package-ref.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation } from './where.js';

type Ids = 'packageFloating' | 'imageTag' | 'gitRef' | 'tarballUrl';

/** The launch spec lets the registry decide what runs: no exact version, tag instead of digest, branch instead of commit. */
export default defineRule<VetSubject, VetRuleContext, Ids>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/floating-version',
    title: 'Unpinned package: the registry decides what runs',
    description:
      'npx, uvx and docker install what the registry serves at launch time. Without an exact version (or an image digest) every restart can run new code that nobody reviewed, which is exactly how a trusted server turns malicious overnight (postmark-mcp was clean for 15 versions).',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Pin the exact version you reviewed (`pkg@1.2.3`, `pkg==1.2.3`, `image@sha256:…`) and update deliberately, with `mcp-warden vet` on the new version.',
    messages: {
      packageFloating: '{{launcher}} runs {{spec}} without an exact version: each start installs what the registry serves, {{resolved}} today.',
      imageTag: 'Image {{image}} is referenced by tag, not digest: whoever controls the tag decides what runs{{today}}.',
      gitRef: '{{spec}} is a git reference without a full commit hash: the branch or tag can move.',
      tarballUrl: '{{spec}} is a tarball URL: its content can change without any version change.',
    },
  },
  check(s) {
    const r = s.ref;
    if (!r || r.pinned) return [];
    const at = packageLocation(s);
    if (r.source === 'git') return [{ messageId: 'gitRef', data: { spec: r.name }, evidence: r.name, ...at }];
    if (r.source === 'url') return [{ messageId: 'tarballUrl', data: { spec: r.name }, evidence: r.name, ...at }];
    if (r.source !== 'registry') return [];
    if (r.ecosystem === 'oci') {
      const today = s.facts?.resolvedDigest ? ` (today ${s.facts.resolvedDigest})` : '';
      return [{ messageId: 'imageTag', data: { image: refLabel(r), today }, evidence: refLabel(r), ...at }];
    }
    const spec = refLabel(r);
    const resolved = s.facts?.resolvedVersion ?? (s.facts?.found === false ? 'nothing (the registry has no such package)' : 'unknown (not looked up)');
    return [{ messageId: 'packageFloating', data: { launcher: r.launcher, spec, resolved }, evidence: spec, ...at }];
  },
});
