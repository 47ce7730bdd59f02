import rule from '../../../src/rules/pin/tool-renamed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();
const rename = (from: string, to: string, extra = {}) => githubSnapshot({ tools: base.tools.map((t) => (t.name === from ? { ...t, name: to, ...extra } : t)) });

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'renamed and changed is an add plus a remove, not a rename', before: [base], after: [rename('create_issue', 'open_issue', { description: 'Open an issue.' })] },
  ],
  invalid: [
    {
      name: 'same definition under a new name',
      before: [base],
      after: [rename('create_issue', 'open_issue')],
      reports: [{ messageId: 'renamed', tool: 'open_issue', field: '/name', diff: ['-create_issue', '+open_issue'] }],
    },
  ],
});
