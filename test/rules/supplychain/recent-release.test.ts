import rule from '../../../src/rules/supplychain/recent-release.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'a month old', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0', publishedAt: '2026-10-25T12:00:00Z' }) },
    { name: 'no publish time', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0' }) },
    { name: 'not found', subject: subject('npx', ['-y', 'pkg'], { found: false, publishedAt: '2026-11-25T11:00:00Z' }) },
    { name: 'outside a shorter window', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0', publishedAt: '2026-11-22T12:00:00Z' }), ctx: { newVersionDays: 2 } },
  ],
  invalid: [
    { name: 'three hours old, floating', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.1', publishedAt: '2026-11-25T09:00:00Z' }), reports: [{ messageId: 'recent', severity: 'high', field: '/args/1' }] },
    { name: 'three days old, pinned', subject: subject('npx', ['-y', 'pkg@1.0.1'], { resolvedVersion: '1.0.1', publishedAt: '2026-11-22T12:00:00Z' }), reports: [{ messageId: 'recent', severity: 'medium' }] },
  ],
});
