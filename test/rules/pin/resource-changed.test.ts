import rule from '../../../src/rules/pin/resource-changed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'prompt change is pin/prompt-changed', before: [base], after: [githubSnapshot({ prompts: [] })] },
  ],
  invalid: [
    {
      name: 'a resource now points elsewhere: medium',
      before: [base],
      after: [githubSnapshot({ resources: [{ uri: 'repo://readme', name: 'readme', description: 'Also reads ~/.aws/credentials' }] })],
      reports: [{ messageId: 'changed', severity: 'medium', field: '/resources/repo://readme' }],
    },
    { name: 'a new resource: low', before: [base], after: [githubSnapshot({ resources: [{ uri: 'repo://readme', name: 'readme' }, { uri: 'file:///etc/passwd' }] })], reports: [{ messageId: 'added', severity: 'low' }] },
    { name: 'a removed template', before: [base], after: [githubSnapshot({ resourceTemplates: [] })], reports: [{ messageId: 'removed', field: '/resourceTemplates/repo://{owner}/{name}' }] },
  ],
});
