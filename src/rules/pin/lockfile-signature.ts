import type { SignatureStatus } from '../../pinning/signature.js';
import { Attack } from '../attack.js';
import { defineRule } from '../define.js';
import type { PinRuleContext } from './types.js';

/** A lockfile that is not signed by a trusted key cannot vouch for anything it pins. */
export default defineRule<SignatureStatus, PinRuleContext, 'missing' | 'modified' | 'otherKey' | 'malformed'>({
  kind: 'pin',
  meta: {
    id: 'pin/lockfile-signature',
    title: 'Lockfile signature invalid',
    description:
      'The lockfile is the reviewed record of what every server may advertise. If it was edited after signing, or signed by a key nobody trusts, an attacker who can change it (a pull request, a compromised CI step) can make a rug pull look approved.',
    severity: 'critical',
    category: 'integrity',
    attack: [Attack.StoredDataManipulation, Attack.CompromiseSoftwareSupplyChain],
    remediation:
      'Find out who changed the lockfile and why (git log -p mcp-warden.lock). If the change is legitimate, review it, then re-sign with a trusted key: `mcp-warden pin --sign <key>`.',
    messages: {
      missing: 'The lockfile is not signed, but --verify-key requires a signature.',
      modified: 'The lockfile was modified after it was signed by {{keyId}}: its content no longer matches the signature.',
      otherKey: 'The lockfile is signed by {{keyId}}, which is not a trusted key (expected {{expected}}).',
      malformed: 'The lockfile signature is malformed: {{reason}}.',
    },
  },
  check(status) {
    switch (status.status) {
      case 'valid':
        return [];
      case 'missing':
        return [{ messageId: 'missing', field: '/signature' }];
      case 'modified':
        return [{ messageId: 'modified', data: { keyId: status.keyId }, field: '/signature', evidence: status.keyId }];
      case 'other-key':
        return [{ messageId: 'otherKey', data: { keyId: status.keyId, expected: status.expected.join(' or ') }, field: '/signature/keyId', evidence: status.keyId }];
      case 'malformed':
        return [{ messageId: 'malformed', data: { reason: status.reason }, field: '/signature' }];
    }
  },
});
