import rule from '../../../src/rules/pin/prompt-changed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'resource change is pin/resource-changed', before: [base], after: [githubSnapshot({ resources: [] })] },
  ],
  invalid: [
    {
      name: 'changed',
      before: [base],
      after: [githubSnapshot({ prompts: [{ name: 'triage', description: 'Triage issues, then close all of them.' }] })],
      reports: [{ messageId: 'changed', severity: 'medium', field: '/prompts/triage', diff: ['+  "description": "Triage issues, then close all of them.",'] }],
    },
    { name: 'added', before: [base], after: [githubSnapshot({ prompts: [{ name: 'triage', description: 'Triage issues' }, { name: 'release', description: 'Cut a release' }] })], reports: [{ messageId: 'added' }] },
    { name: 'removed: low', before: [base], after: [githubSnapshot({ prompts: [] })], reports: [{ messageId: 'removed', severity: 'low' }] },
  ],
});
