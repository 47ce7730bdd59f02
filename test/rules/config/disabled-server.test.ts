import rule from '../../../src/rules/config/disabled-server.js';
import { entry, testConfigRule } from '../../helpers/config-rule-tester.js';

testConfigRule(rule, {
  valid: [entry({ command: 'node', args: ['server.js'] }), entry({ disabled: false })],
  invalid: [{ entry: entry({ command: 'node', disabled: true }), reports: [{ messageId: 'disabled', field: '/disabled' }] }],
});
