/**
 * @fileoverview A credential written into a server's env, headers, args or URL instead of being
 * referenced from the environment or a secret store.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack } from '../attack.js';
import type { ServerEntry } from '../../model/index.js';
import type { ConfigRuleContext } from './types.js';
import { fieldLabel } from './utils/fields.js';
import { findEntrySecrets } from './utils/entry-secrets.js';

const MESSAGE_ID = { format: 'knownFormat', context: 'namedLiteral', entropy: 'highEntropy' } as const;

export default defineRule<ServerEntry, ConfigRuleContext, 'knownFormat' | 'namedLiteral' | 'highEntropy'>({
  kind: 'config',
  meta: {
    id: 'config/secret-literal',
    title: 'Credential written in the config',
    description:
      'A token, key or password written into a client config is readable by every process running as the user (and often by backups, dotfile repos and support bundles), never rotates with the secret store, and travels with every copy of the file.',
    severity: 'high',
    category: 'credentials',
    attack: [Attack.CredentialsInFiles, Atlas.CredentialsFromAgentConfiguration],
    remediation:
      'Move the value out of the file: reference it as ${VAR} (or ${env:VAR} / an `inputs` prompt where the client supports it) and keep it in the OS keychain or a secret manager; then revoke and rotate the exposed credential.',
    messages: {
      knownFormat: 'Server "{{server}}" has a credential written in {{field}}: {{kind}}.',
      namedLiteral: 'Server "{{server}}" has a literal {{kind}} in {{field}} (the name announces a credential and the value is not a placeholder).',
      highEntropy: 'Server "{{server}}" has a random-looking value in {{field}} ({{entropy}} bits/char) that may be a credential.',
    },
  },
  async check(entry) {
    const secrets = await findEntrySecrets(entry);
    return secrets.map((s) => ({
      messageId: MESSAGE_ID[s.source],
      data: { server: entry.name, kind: s.kind, field: fieldLabel(s.field), entropy: s.entropy },
      severity: s.severity,
      field: s.field.pointer,
      ...(s.field.line !== undefined ? { line: s.field.line } : {}),
      evidence: s.evidence,
    }));
  },
});
