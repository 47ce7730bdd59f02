import rule from '../../../src/rules/supplychain/typosquat.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

testVetRule(rule, {
  valid: [
    { name: 'the real package', subject: subject('npx', ['-y', '@modelcontextprotocol/server-filesystem', '/tmp']) },
    { name: 'a sibling in the same owned scope', subject: subject('npx', ['-y', '@modelcontextprotocol/server-filesytem']) },
    { name: 'an unrelated name', subject: subject('npx', ['-y', 'my-notes-mcp@1.0.0']) },
    { name: 'a git spec is not compared', subject: subject('npx', ['github:someone/server-filesystem']) },
  ],
  invalid: [
    { name: 'look-alike scope', subject: subject('npx', ['-y', '@modelcontext-protocol/server-filesystem', '/tmp']), reports: [{ messageId: 'typosquat', severity: 'high', field: '/args/1', line: 11 }] },
    { name: 'scope with a suffix', subject: subject('npx', ['-y', '@modelcontextprotocol-x/server-github']), reports: [{ messageId: 'typosquat' }] },
    { name: 'confusable characters in an unscoped name', subject: subject('npx', ['mcp-rem0te', 'https://x.example/sse']), reports: [{ messageId: 'typosquat' }] },
    { name: 'PyPI near-miss', subject: subject('uvx', ['mcp-server-fetc']), reports: [{ messageId: 'typosquat' }] },
  ],
});
