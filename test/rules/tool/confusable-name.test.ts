import rule from '../../../src/rules/tool/confusable-name.js';
import { testToolRule, tool } from '../../helpers/tool-rule-tester.js';

testToolRule(rule, {
  valid: [
    { name: 'ASCII name', tool: tool('send_email', 'Send.') },
    { name: 'Chinese name', tool: tool('搜索文件', 'Search.') },
    { name: 'Cyrillic name that does not look Latin', tool: tool('поиск', 'Search.') },
  ],
  invalid: [
    { name: 'Cyrillic a in a Latin name', tool: tool('send_em\u0430il', 'Send.'), messageId: 'confusable', severity: 'high' },
    { name: 'Greek omicron', tool: tool('git_p\u03bfsh', 'Push.'), messageId: 'confusable', severity: 'high' },
    { name: 'zero-width joiner inside', tool: tool('read\u200d_file', 'Read.'), messageId: 'invisible', severity: 'high' },
  ],
});
