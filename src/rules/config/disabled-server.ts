import { defineRule } from '../define.js';
import type { ServerEntry } from '../../model/index.js';
import type { ConfigRuleContext } from './types.js';

/** A disabled server is not a risk today, but it is one flag away from running: note it. */
export default defineRule<ServerEntry, ConfigRuleContext, 'disabled'>({
  kind: 'config',
  meta: {
    id: 'config/disabled-server',
    title: 'Disabled server still declared',
    description:
      'A disabled server does not run, but its declaration (command, credentials) stays in the config and a single toggle brings it back. It is listed so the inventory is complete.',
    severity: 'info',
    category: 'inventory',
    attack: [],
    remediation: 'Remove the declaration if the server is no longer needed, together with any credentials it holds.',
    messages: { disabled: 'Server "{{name}}" is declared but disabled in {{client}}.' },
  },
  check(entry) {
    if (!entry.disabled) return [];
    return [{ messageId: 'disabled', data: { name: entry.name, client: entry.client }, field: '/disabled', line: entry.fieldLines['disabled'] }];
  },
});
