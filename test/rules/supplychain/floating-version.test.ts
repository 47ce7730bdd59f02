import rule from '../../../src/rules/supplychain/floating-version.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

const digest = `sha256:${'ab'.repeat(32)}`;

testVetRule(rule, {
  valid: [
    { name: 'exact npm version', subject: subject('npx', ['-y', 'pkg@1.2.3']) },
    { name: 'exact PyPI version', subject: subject('uvx', ['pkg==1.2.3']) },
    { name: 'image by digest', subject: subject('docker', ['run', '-i', '--rm', `mcp/github@${digest}`]) },
    { name: 'git commit', subject: subject('npx', [`github:o/r#${'a'.repeat(40)}`]) },
    { name: 'local install', subject: subject('node', ['/nonexistent/node_modules/pkg/index.js']) },
  ],
  invalid: [
    { name: 'npx without version', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '2.0.0' }), reports: [{ messageId: 'packageFloating', severity: 'medium', field: '/args/1', line: 11 }] },
    { name: '@latest', subject: subject('npx', ['-y', 'pkg@latest']), reports: [{ messageId: 'packageFloating' }] },
    { name: 'semver range', subject: subject('npx', ['-y', 'pkg@^1.2.0']), reports: [{ messageId: 'packageFloating' }] },
    { name: 'uvx without version', subject: subject('uvx', ['mcp-server-fetch']), reports: [{ messageId: 'packageFloating' }] },
    { name: 'image by tag', subject: subject('docker', ['run', '-i', 'mcp/github:latest'], { resolvedDigest: digest }), reports: [{ messageId: 'imageTag', field: '/args/2' }] },
    { name: 'git branch', subject: subject('npx', ['github:o/r#main']), reports: [{ messageId: 'gitRef' }] },
    { name: 'tarball URL', subject: subject('npx', ['https://example.com/pkg.tgz']), reports: [{ messageId: 'tarballUrl' }] },
  ],
});
