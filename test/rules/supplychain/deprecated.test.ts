import rule from '../../../src/rules/supplychain/deprecated.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [{ name: 'not deprecated', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0' }) }],
  invalid: [{ name: 'deprecated', subject: subject('npx', ['-y', '@modelcontextprotocol/server-github'], { resolvedVersion: '2025.4.8', deprecated: 'Package no longer supported.' }), reports: [{ messageId: 'deprecated', severity: 'low', field: '/args/1' }] }],
});
