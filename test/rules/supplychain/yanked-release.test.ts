import rule from '../../../src/rules/supplychain/yanked-release.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [{ name: 'not yanked', subject: subject('uvx', ['pkg==1.0'], { resolvedVersion: '1.0' }) }],
  invalid: [
    { name: 'yanked with reason', subject: subject('uvx', ['pkg==1.0'], { resolvedVersion: '1.0', yanked: { reason: 'credential leak' } }), reports: [{ messageId: 'yanked', severity: 'medium', field: '/args/0' }] },
    { name: 'yanked without reason', subject: subject('uvx', ['pkg==1.0'], { resolvedVersion: '1.0', yanked: {} }), reports: [{ messageId: 'yanked' }] },
  ],
});
