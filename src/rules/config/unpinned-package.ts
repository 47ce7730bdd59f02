/**
 * @fileoverview A server launched through a package runner (`npx`, `uvx`, `pipx run`, `bunx`,
 * `pnpm dlx`, `yarn dlx`, `docker run`, `deno run`) without an exact version or digest.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack } from '../attack.js';
import type { ServerEntry, Severity } from '../../model/index.js';
import { parseLaunch, type RunnerLaunch } from '../../analysis/launch.js';
import type { Ecosystem, PackageRef, Pin } from '../../analysis/package-spec.js';
import type { RuleReport } from '../types.js';
import type { ConfigRuleContext } from './types.js';
import { locateToken } from './utils/fields.js';

type MessageId = 'unpinned' | 'range' | 'mutableTag';

const SOURCE: Readonly<Record<Ecosystem, string>> = { npm: 'the npm registry', pypi: 'PyPI', oci: 'the image registry', jsr: 'JSR' };

/** How each pin is reported; pins absent here (exact, digest, local) are fine. */
function classify(ref: PackageRef): { messageId: MessageId; severity: Severity; how: string } | undefined {
  const how: Partial<Record<Pin, string>> = {
    none: 'no version',
    latest: 'the "latest" tag',
    'git-ref': 'a git branch or tag, not a commit',
    url: 'an archive URL',
    tag: ref.ecosystem === 'oci' ? `tag "${ref.version ?? ''}"` : `the dist-tag "${ref.version ?? ''}"`,
  };
  switch (ref.pin) {
    case 'none':
    case 'latest':
    case 'git-ref':
    case 'url':
      return { messageId: 'unpinned', severity: 'high', how: how[ref.pin] as string };
    case 'tag':
      return ref.ecosystem === 'oci' ? { messageId: 'mutableTag', severity: 'low', how: how.tag as string } : { messageId: 'unpinned', severity: 'high', how: how.tag as string };
    case 'range':
      return { messageId: 'range', severity: 'medium', how: `the range "${ref.version ?? ''}"` };
    default:
      return undefined;
  }
}

function sourceOf(ref: PackageRef): string {
  if (ref.pin === 'git-ref') return 'the repository';
  if (ref.pin === 'url') return 'that URL';
  return SOURCE[ref.ecosystem];
}

export default defineRule<ServerEntry, ConfigRuleContext, MessageId>({
  kind: 'config',
  meta: {
    id: 'config/unpinned-package',
    title: 'Server installed from a registry without a pinned version',
    description:
      'Package runners download and run the server at every launch. Without an exact version or digest, the code that runs with your rights is whatever the registry serves that day: a compromised maintainer account or a malicious update reaches you on the next restart, with no review.',
    severity: 'high',
    category: 'supply-chain',
    attack: [Attack.CompromiseSoftwareSupplyChain, Atlas.SupplyChainAgentTool],
    remediation:
      'Pin an exact, reviewed version: `npx -y pkg@1.2.3`, `uvx pkg==1.2.3` (or `pkg@1.2.3`), `pipx run --spec pkg==1.2.3 pkg`, `image@sha256:<digest>`, a git commit hash. Upgrade deliberately; `mcp-warden vet` shows what a version contains.',
    messages: {
      unpinned: 'Server "{{server}}" runs {{package}} through `{{runner}}` with {{how}}: every launch installs and runs whatever {{source}} serves at that moment.',
      range: 'Server "{{server}}" runs {{package}} through `{{runner}}` with {{how}}: any new release in that range is installed and run on the next launch.',
      mutableTag: 'Server "{{server}}" runs image {{package}} by {{how}} without a digest: whoever controls the tag can point it at different content.',
    },
  },
  check(entry) {
    if (entry.transport !== 'stdio') return [];
    const reports: RuleReport<MessageId>[] = [];
    for (const runner of parseLaunch(entry).runners) {
      if (!runner.autoInstall) continue;
      for (const ref of runner.packages) {
        const c = classify(ref);
        if (!c) continue;
        const loc = locateToken(entry, ref.at);
        reports.push({
          messageId: c.messageId,
          data: { server: entry.name, package: ref.name, runner: runnerLabel(runner), how: c.how, source: sourceOf(ref), ...(ref.version ? { version: ref.version } : {}) },
          severity: c.severity,
          field: loc.pointer,
          ...(loc.line !== undefined ? { line: loc.line } : {}),
          evidence: `${runnerLabel(runner)} ${ref.spec}`,
        });
      }
    }
    return reports;
  },
});

function runnerLabel(r: RunnerLaunch): string {
  return r.explicitYes ? `${r.invokedAs} -y` : r.invokedAs;
}
