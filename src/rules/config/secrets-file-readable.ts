/**
 * @fileoverview A config file that holds credentials and that other local users can read.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack } from '../attack.js';
import type { ServerEntry } from '../../model/index.js';
import type { ConfigRuleContext } from './types.js';
import { fieldLabel } from './utils/fields.js';
import { findEntrySecretsSync } from './utils/entry-secrets.js';

const GROUP_READ = 0o040;
const OTHER_READ = 0o004;

export default defineRule<ServerEntry, ConfigRuleContext, 'readable'>({
  kind: 'config',
  meta: {
    id: 'config/secrets-file-readable',
    title: 'Config with credentials readable by other users',
    description:
      'A config file that holds credentials and is readable by the group or by every local user hands those credentials to other accounts on the machine, including service accounts and anything that compromises them.',
    severity: 'high',
    category: 'credentials',
    attack: [Attack.CredentialsInFiles, Atlas.CredentialsFromAgentConfiguration],
    remediation: 'Restrict the file to its owner (`chmod 600 <file>`) and move the credentials out of it (see config/secret-literal); rotate them if other users could read the file.',
    messages: {
      readable: 'Config file {{file}} is readable by {{who}} (mode {{mode}}) and holds credentials of server "{{server}}" in {{fields}}.',
    },
  },
  check(entry, ctx) {
    if (ctx.fileMode === undefined || ctx.platform === 'win32') return [];
    const mode = ctx.fileMode & 0o777;
    if ((mode & (GROUP_READ | OTHER_READ)) === 0) return [];
    const secrets = findEntrySecretsSync(entry, { entropy: false });
    if (secrets.length === 0) return [];
    const world = (mode & OTHER_READ) !== 0;
    const octal = `0${mode.toString(8).padStart(3, '0')}`;
    return [
      {
        messageId: 'readable',
        data: { file: entry.configFile, who: world ? 'every local user' : 'its group', mode: octal, server: entry.name, fields: secrets.map((s) => fieldLabel(s.field)).join(', ') },
        severity: world ? 'high' : 'medium',
        evidence: `mode ${octal}`,
      },
    ];
  },
});
