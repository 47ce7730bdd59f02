import rule from '../../../src/rules/live/identity-dependent-tools.js';
import { testLiveRule } from '../../helpers/live-rule-tester.js';

const diff = (over: Partial<{ added: string[]; removed: string[]; changed: string[] }>) => ({ base: 'claude-code', other: 'cursor-vscode', added: [], removed: [], changed: [], ...over });

testLiveRule(rule, {
  valid: [
    { name: 'one identity only', o: {} },
    { name: 'identical tool sets', o: { identityDiffs: [diff({})] } },
  ],
  invalid: [
    { name: 'a tool shown only to one client', o: { identityDiffs: [diff({ added: ['exfiltrate'] })] }, reports: [{ messageId: 'toolsDiffer', severity: 'high' }] },
    { name: 'a tool hidden from one client', o: { identityDiffs: [diff({ removed: ['audit_log'] })] }, reports: [{ messageId: 'toolsDiffer' }] },
    { name: 'same name, different definition', o: { identityDiffs: [diff({ changed: ['read_file'] })] }, reports: [{ messageId: 'toolsDiffer' }] },
    { name: 'two identities differ: two reports', o: { identityDiffs: [diff({ added: ['a'] }), { ...diff({ changed: ['b'] }), other: 'Visual Studio Code' }] }, reports: [{ messageId: 'toolsDiffer' }, { messageId: 'toolsDiffer' }] },
  ],
});
