import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel } from './where.js';

/** The package runs lifecycle scripts when npx installs it. */
export default defineRule<VetSubject, VetRuleContext, 'installScripts'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/install-scripts',
    title: 'Package runs code when installed',
    description:
      'npm runs preinstall, install and postinstall scripts while npx installs the package, before the server starts and before any MCP message is exchanged. This is the favourite entry point of npm malware; combined with an unpinned spec, a new release can run anything at the next launch.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.001', 'T1059'],
    remediation: 'Read what the script does. Pin the version you reviewed, and prefer installing it once with scripts disabled (`npm install --ignore-scripts`) and running the installed binary.',
    messages: { installScripts: '{{pkg}} runs {{scripts}} on install: `{{command}}`.{{floating}}' },
  },
  check(s) {
    const f = s.facts;
    if (!f?.installScripts || !s.ref) return [];
    const names = Object.keys(f.installScripts);
    const command = names.map((n) => f.installScripts?.[n]).join(' ; ');
    const floating = !s.ref.pinned;
    return [{
      messageId: 'installScripts',
      severity: floating ? 'high' : 'medium',
      data: { pkg: pkgLabel(f), scripts: names.join(', '), command, floating: floating ? ' The spec is not pinned, so the next release\'s scripts run at the next launch.' : '' },
      evidence: command,
      ...packageLocation(s),
    }];
  },
});
