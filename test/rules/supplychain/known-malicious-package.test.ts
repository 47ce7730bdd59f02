import rule from '../../../src/rules/supplychain/known-malicious-package.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'a package no feed lists', subject: subject('npx', ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31'], { resolvedVersion: '2026.8.31' }) },
    { name: 'a remote server', subject: subject('node', ['/opt/x.js']) },
  ],
  invalid: [
    { name: 'postmark-mcp@1.0.16 pinned, registry no longer serves it', subject: subject('npx', ['-y', 'postmark-mcp@1.0.16'], { found: false }), reports: [{ messageId: 'maliciousVersion', severity: 'critical', field: '/args/1', line: 11 }] },
    { name: 'postmark-mcp@1.0.18 resolved', subject: subject('npx', ['postmark-mcp@1.0.18'], { resolvedVersion: '1.0.18' }), reports: [{ messageId: 'maliciousVersion', severity: 'critical' }] },
    { name: 'unpinned postmark-mcp that cannot be resolved', subject: subject('npx', ['-y', 'postmark-mcp'], { found: false }), reports: [{ messageId: 'maliciousHistory', severity: 'high' }] },
    { name: 'pinned to a version before the backdoor', subject: subject('npx', ['-y', 'postmark-mcp@1.0.15'], { resolvedVersion: '1.0.15' }), reports: [{ messageId: 'maliciousHistory', severity: 'medium' }] },
  ],
});
