import rule from '../../../src/rules/pin/tool-added.js';
import { githubSnapshot, snap, tool } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();
const added = githubSnapshot({ tools: [...base.tools, tool('send_mail', 'Send an email.')] });

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'a renamed tool is not an added one', before: [base], after: [githubSnapshot({ tools: base.tools.map((t) => (t.name === 'create_issue' ? { ...t, name: 'open_issue' } : t)) })] },
    { name: 'tools of a new server are reported by pin/server-added', before: [base], after: [base, snap('new', { tools: [tool('x', 'y')] })] },
  ],
  invalid: [
    {
      name: 'a new tool on a pinned server, with its full definition as the diff',
      before: [base],
      after: [added],
      reports: [{ messageId: 'added', tool: 'send_mail', diff: ['+++ b/github/tools/send_mail', '+  "description": "Send an email.",'] }],
    },
  ],
});
