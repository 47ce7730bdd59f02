import rule from '../../../src/rules/pin/server-added.js';
import { githubSnapshot, snap, tool } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'a moved server is pin/server-identity-changed, not added', before: [base], after: [githubSnapshot({ launch: 'npx -y other@1' })] },
  ],
  invalid: [
    {
      name: 'a server that was never pinned',
      before: [base],
      after: [base, snap('shell', { launch: 'npx -y shell-mcp@0.1.0', tools: [tool('run', 'Run a command.')] })],
      reports: [{ messageId: 'added', severity: 'medium', diff: ['+++ b/shell/tools', '+    "description": "Run a command.",'] }],
    },
  ],
});
