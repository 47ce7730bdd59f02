import rule from '../../../src/rules/config/plaintext-http.js';
import { cmd, entry, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

testConfigRule(rule, {
  valid: [
    { name: 'https remote', entry: remote('https://mcp.example.com/mcp') },
    { name: 'localhost', entry: remote('http://localhost:3000/mcp') },
    { name: '127.0.0.1 sse', entry: entry({ transport: 'sse', url: 'http://127.0.0.1:8080/sse' }) },
    { name: '[::1]', entry: remote('http://[::1]:3000/mcp') },
    { name: 'wss', entry: remote('wss://mcp.example.com/ws') },
    { name: 'mcp-remote to https', entry: cmd('npx', ['-y', 'mcp-remote@0.1.18', 'https://mcp.example.com/sse']) },
    { name: 'mcp-remote to localhost', entry: cmd('npx', ['-y', 'mcp-remote@0.1.18', 'http://localhost:8080/sse', '--allow-http']) },
    { name: 'stdio server with no URLs', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/home/u/projects']) },
  ],
  invalid: [
    {
      name: 'public host over http',
      entry: remote('http://crm.example.com/mcp', { fieldLines: { url: 4 } }),
      reports: [{ messageId: 'plainHttp', severity: 'high', field: '/url', line: 4, data: { host: 'crm.example.com', scope: 'public' }, evidence: 'http://crm.example.com/mcp' }],
    },
    { name: 'private host is medium', entry: remote('http://10.0.0.5:8080/mcp'), reports: [{ messageId: 'plainHttp', severity: 'medium', data: { scope: 'private' } }] },
    {
      name: 'bearer header over http is critical',
      entry: remote('http://api.example.com/mcp', { headers: { Authorization: 'Bearer ${API_TOKEN}' } }),
      reports: [{ messageId: 'credentialsInClear', severity: 'critical', data: { carriers: 'header Authorization' } }],
    },
    {
      name: 'key in the query over http to a LAN host',
      entry: entry({ transport: 'sse', url: 'http://nas.local/sse?api_key=${KEY}' }),
      reports: [{ messageId: 'credentialsInClear', severity: 'high', data: { carriers: 'query parameter api_key' } }],
    },
    { name: 'ws:// is plaintext too', entry: remote('ws://mcp.example.com/ws'), reports: [{ messageId: 'plainHttp' }] },
    {
      name: 'mcp-remote bridge to http',
      entry: cmd('npx', ['-y', 'mcp-remote@0.1.18', 'http://mcp.example.com/sse', '--allow-http']),
      reports: [{ messageId: 'plainHttp', severity: 'high', field: '/args/2' }],
    },
    {
      name: 'mcp-remote bridge with an auth header over http',
      entry: cmd('npx', ['-y', 'mcp-remote@0.1.18', 'http://mcp.example.com/sse', '--allow-http', '--header', 'Authorization:${AUTH_HEADER}']),
      reports: [{ messageId: 'credentialsInClear', severity: 'critical' }],
    },
    {
      name: 'http URL handed to some other server',
      entry: cmd('uvx', ['mcp-server-x==1.0.0', '--base-url', 'http://api.example.com/v1']),
      reports: [{ messageId: 'plainHttpArg', severity: 'medium', field: '/args/2', data: { field: 'args[2]' } }],
    },
  ],
});
