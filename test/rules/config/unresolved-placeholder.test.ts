import rule from '../../../src/rules/config/unresolved-placeholder.js';
import { cmd, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

testConfigRule(rule, {
  valid: [
    { name: 'no placeholders', entry: cmd('npx', ['-y', 'pkg@1.0.0'], { env: { LOG_LEVEL: 'info' } }) },
    { name: 'variable set where the scan runs', entry: cmd('npx', ['-y', 'pkg'], { env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' } }), ctx: { envNames: new Set(['GITHUB_TOKEN']) } },
    { name: '${env:} set', entry: cmd('npx', ['-y', 'pkg'], { env: { API_KEY: '${env:API_KEY}' } }), ctx: { envNames: new Set(['API_KEY']) } },
    { name: 'client variables', entry: cmd('node', ['${workspaceFolder}/server.js', '${CLAUDE_PLUGIN_ROOT}/x', '${userHome}/y']) },
    { name: 'defaults', entry: remote('https://${HOST:-mcp.example.com}/mcp') },
    { name: 'declared input: the client prompts for it', entry: cmd('npx', ['-y', 'pkg'], { env: { TOKEN: '${input:github-token}' }, inputIds: ['github-token'] }) },
    { name: '$VAR without braces is not expanded by clients, and not ours to judge', entry: cmd('node', ['s.js', '$HOME']) },
  ],
  invalid: [
    {
      name: 'unset variable, name only',
      entry: cmd('npx', ['-y', 'pkg'], { env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' }, fieldLines: { 'env.GITHUB_PERSONAL_ACCESS_TOKEN': 5 } }),
      ctx: { envNames: new Set(['PATH']) },
      reports: [{ messageId: 'unsetVariable', severity: 'info', field: '/env/GITHUB_PERSONAL_ACCESS_TOKEN', line: 5, data: { name: 'GITHUB_TOKEN' }, evidence: '${GITHUB_TOKEN}' }],
    },
    { name: 'environment unknown', entry: remote('https://mcp.example.com/mcp', { headers: { Authorization: 'Bearer ${env:MCP_TOKEN}' } }), reports: [{ messageId: 'variable', field: '/headers/Authorization' }] },
    {
      name: 'input that is not declared',
      entry: cmd('npx', ['-y', 'pkg'], { env: { TOKEN: '${input:gh}' }, inputIds: ['github-token'] }),
      reports: [{ messageId: 'missingInput', severity: 'low', data: { name: 'gh' } }],
    },
    {
      name: 'each name once, first place',
      entry: cmd('node', ['s.js', '--token', '${TOKEN}'], { env: { A: '${TOKEN}', B: '${OTHER}' } }),
      ctx: { envNames: new Set() },
      reports: [
        { messageId: 'unsetVariable', field: '/args/2' },
        { messageId: 'unsetVariable', field: '/env/B' },
      ],
    },
  ],
});
