import rule from '../../../src/rules/supplychain/package-not-found.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'found', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0' }) },
    { name: 'not looked up', subject: subject('npx', ['-y', 'pkg']) },
    { name: 'local install', subject: subject('node', ['/x/node_modules/pkg/index.js'], { found: false }) },
  ],
  invalid: [
    { name: 'package gone', subject: subject('npx', ['-y', 'postmark-mcp@1.0.16'], { found: false, registry: 'registry.npmjs.org' }), reports: [{ messageId: 'packageMissing', severity: 'high', field: '/args/1' }] },
    { name: 'version gone', subject: subject('npx', ['-y', 'pkg@9.9.9'], { found: false, versionCount: 3 }), reports: [{ messageId: 'versionMissing' }] },
  ],
});
