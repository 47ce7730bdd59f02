import rule from '../../../src/rules/pin/tool-removed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'a rename is not a removal', before: [base], after: [githubSnapshot({ tools: base.tools.map((t) => (t.name === 'create_issue' ? { ...t, name: 'open_issue' } : t)) })] },
    { name: 'a removed server is reported by pin/server-removed', before: [base], after: [] },
  ],
  invalid: [
    {
      name: 'a pinned tool is gone',
      before: [base],
      after: [githubSnapshot({ tools: base.tools.filter((t) => t.name !== 'delete_repo') })],
      reports: [{ messageId: 'removed', tool: 'delete_repo', severity: 'low', diff: ['--- a/github/tools/delete_repo', '+++ /dev/null'] }],
    },
  ],
});
