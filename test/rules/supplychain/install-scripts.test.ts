import rule from '../../../src/rules/supplychain/install-scripts.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'no lifecycle scripts', subject: subject('npx', ['-y', 'pkg'], { resolvedVersion: '1.0.0' }) },
    { name: 'not looked up', subject: subject('npx', ['-y', 'pkg']) },
  ],
  invalid: [
    { name: 'postinstall on a floating spec', subject: subject('npx', ['-y', '@wonderwhy-er/desktop-commander'], { resolvedVersion: '0.2.52', installScripts: { postinstall: 'node dist/track-installation.js' } }), reports: [{ messageId: 'installScripts', severity: 'high', field: '/args/1' }] },
    { name: 'implicit node-gyp on a pinned spec', subject: subject('npx', ['-y', 'pkg@1.0.0'], { resolvedVersion: '1.0.0', installScripts: { install: 'node-gyp rebuild (implicit: binding.gyp)' } }), reports: [{ messageId: 'installScripts', severity: 'medium' }] },
  ],
});
