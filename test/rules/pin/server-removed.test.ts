import rule from '../../../src/rules/pin/server-removed.js';
import { githubSnapshot, snap, tool } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();
const files = snap('files', { tools: [tool('read_file', 'Read a file.')] });

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base, files], after: [githubSnapshot(), files] },
    { name: 'a new server', before: [base], after: [base, files] },
  ],
  invalid: [{ name: 'a pinned server was not seen', before: [base, files], after: [base], reports: [{ messageId: 'removed', severity: 'low' }] }],
});
