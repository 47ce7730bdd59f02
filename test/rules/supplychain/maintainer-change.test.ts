import rule from '../../../src/rules/supplychain/maintainer-change.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

const base = { resolvedVersion: '1.0.2', previousVersion: '1.0.1' };

testVetRule(rule, {
  valid: [
    { name: 'same maintainers and publisher', subject: subject('npx', ['-y', 'pkg'], { ...base, maintainers: ['alice'], previousMaintainers: ['alice'], publisher: 'alice', earlierPublishers: ['alice'] }) },
    { name: 'first version', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0', maintainers: ['alice'], publisher: 'alice', earlierPublishers: [] }) },
    { name: 'registry did not expose maintainers', subject: subject('npx', ['-y', 'pkg'], base) },
  ],
  invalid: [
    { name: 'maintainer added', subject: subject('npx', ['-y', 'pkg'], { ...base, maintainers: ['alice', 'bob'], previousMaintainers: ['alice'] }), reports: [{ messageId: 'maintainersChanged', severity: 'medium' }] },
    {
      name: 'maintainers replaced and a new publisher',
      subject: subject('npx', ['-y', 'pkg'], { ...base, maintainers: ['mallory'], previousMaintainers: ['alice'], publisher: 'mallory', earlierPublishers: ['alice'] }),
      reports: [{ messageId: 'maintainersChanged', severity: 'high' }, { messageId: 'newPublisher', severity: 'high', field: '/args/1' }],
    },
  ],
});
