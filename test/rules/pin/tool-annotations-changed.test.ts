import rule from '../../../src/rules/pin/tool-annotations-changed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();
const change = (name: string, annotations: Record<string, unknown> | undefined) =>
  githubSnapshot({ tools: base.tools.map((t) => (t.name === name ? { ...t, annotations } : t)) });

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'description change', before: [base], after: [githubSnapshot({ tools: base.tools.map((t) => ({ ...t, description: `${t.description ?? ''}!` })) })] },
  ],
  invalid: [
    {
      name: 'a read-only tool no longer claims to be read-only: high',
      before: [base],
      after: [change('search_issues', { readOnlyHint: false })],
      reports: [{ messageId: 'widened', severity: 'high', tool: 'search_issues', diff: ['-  "readOnlyHint": true', '+  "readOnlyHint": false'] }],
    },
    {
      name: 'annotations dropped altogether: high',
      before: [base],
      after: [change('search_issues', undefined)],
      reports: [{ messageId: 'widened', severity: 'high' }],
    },
    {
      name: 'a change that claims more safety: medium',
      before: [base],
      after: [change('create_issue', { title: 'Create', idempotentHint: false })],
      reports: [{ messageId: 'changed', severity: 'medium' }],
    },
  ],
});
