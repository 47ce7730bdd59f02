import rule from '../../../src/rules/supplychain/provenance.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

const v = { resolvedVersion: '1.0.0', repository: 'github.com/o/r' };

testVetRule(rule, {
  valid: [
    { name: 'verified, same repository', subject: subject('npx', ['-y', 'pkg'], { ...v, provenance: { status: 'verified', repository: 'github.com/o/r' } }) },
    { name: 'not checked (reported as incomplete elsewhere)', subject: subject('npx', ['-y', 'pkg'], { ...v, provenance: { status: 'not-checked' } }) },
    { name: 'images are out of scope', subject: subject('docker', ['run', 'img:1'], { resolvedVersion: '1', provenance: { status: 'absent' } }) },
  ],
  invalid: [
    { name: 'absent', subject: subject('npx', ['-y', 'pkg'], { ...v, provenance: { status: 'absent' } }), reports: [{ messageId: 'missing', severity: 'low' }] },
    { name: 'does not verify', subject: subject('npx', ['-y', 'pkg'], { ...v, provenance: { status: 'invalid', reason: 'Failed to verify certificate chain' } }), reports: [{ messageId: 'invalid', severity: 'high', field: '/args/1' }] },
    { name: 'built from another repository', subject: subject('npx', ['-y', 'pkg'], { ...v, provenance: { status: 'verified', repository: 'github.com/attacker/r' } }), reports: [{ messageId: 'repositoryMismatch', severity: 'high' }] },
  ],
});
