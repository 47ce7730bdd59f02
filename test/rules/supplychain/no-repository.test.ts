import rule from '../../../src/rules/supplychain/no-repository.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'has a repository', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0', repository: 'github.com/o/r' }) },
    { name: 'images are not asked', subject: subject('docker', ['run', 'img:1'], { resolvedVersion: '1' }) },
    { name: 'not found', subject: subject('npx', ['-y', 'pkg'], { found: false }) },
  ],
  invalid: [
    { name: 'no repository field', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0' }), reports: [{ messageId: 'noRepository', severity: 'low' }] },
    { name: 'unparseable repository', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0', repositoryRaw: 'see website' }), reports: [{ messageId: 'unparsedRepository' }] },
  ],
});
