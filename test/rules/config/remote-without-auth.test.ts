import rule from '../../../src/rules/config/remote-without-auth.js';
import { cmd, entry, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

testConfigRule(rule, {
  valid: [
    { name: 'bearer header from env', entry: remote('https://api.githubcopilot.com/mcp/', { headers: { Authorization: 'Bearer ${GITHUB_PAT}' } }) },
    { name: 'API key header', entry: remote('https://mcp.example.com/mcp', { headers: { 'X-API-Key': '${API_KEY}' } }) },
    { name: 'vendor key header', entry: remote('https://mcp.example.com/mcp', { headers: { 'x-goog-api-key': '${KEY}' } }) },
    { name: 'cookie', entry: remote('https://mcp.example.com/mcp', { headers: { Cookie: 'session=${SESSION}' } }) },
    { name: 'Codex bearer_token_env_var', entry: remote('https://mcp.example.com/mcp', { authFields: ['bearer_token_env_var'] }) },
    { name: 'Gemini oauth settings', entry: remote('https://mcp.example.com/mcp', { authFields: ['oauth'] }) },
    { name: 'key in the query', entry: entry({ transport: 'sse', url: 'https://mcp.example.com/sse?apiKey=${KEY}' }) },
    { name: 'loopback', entry: remote('http://localhost:3000/mcp') },
    { name: 'stdio', entry: cmd('npx', ['-y', 'pkg@1.0.0']) },
  ],
  invalid: [
    {
      name: 'no credentials at all',
      entry: remote('https://mcp.example.com/mcp', { fieldLines: { url: 3 } }),
      reports: [{ messageId: 'noCredentials', severity: 'low', field: '/url', line: 3, data: { host: 'mcp.example.com' }, attack: ['T1190', 'AML.T0049'] }],
    },
    { name: 'only non-auth headers', entry: entry({ transport: 'sse', url: 'https://mcp.example.com/sse', headers: { 'User-Agent': 'x', Accept: 'text/event-stream' } }), reports: [{ messageId: 'noCredentials' }] },
    { name: 'private host too', entry: remote('https://10.0.0.5/mcp'), reports: [{ messageId: 'noCredentials' }] },
  ],
});
