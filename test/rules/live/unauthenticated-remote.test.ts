import rule from '../../../src/rules/live/unauthenticated-remote.js';
import { testLiveRule } from '../../helpers/live-rule-tester.js';

testLiveRule(rule, {
  valid: [
    { name: 'credentials were sent', o: { credentialsSent: true } },
    { name: 'a stdio server', o: { transport: 'stdio' } },
    { name: 'no tools listed', o: { snapshot: { tools: [] } } },
  ],
  invalid: [
    { name: 'public URL, no credentials', o: {}, reports: [{ messageId: 'unauthenticated', severity: 'high' }] },
    { name: 'SSE endpoint, no credentials', o: { transport: 'sse', url: 'https://mcp.example.com/sse' }, reports: [{ messageId: 'unauthenticated', severity: 'high' }] },
    { name: 'loopback: low', o: { url: 'http://127.0.0.1:3000/mcp' }, reports: [{ messageId: 'unauthenticatedLocal', severity: 'low' }] },
    { name: 'localhost: low', o: { url: 'http://localhost:3000/mcp' }, reports: [{ messageId: 'unauthenticatedLocal', severity: 'low' }] },
    { name: 'IPv6 loopback: low', o: { url: 'http://[::1]:3000/mcp' }, reports: [{ messageId: 'unauthenticatedLocal', severity: 'low' }] },
    { name: 'LAN address is not loopback', o: { url: 'http://192.168.1.20:3000/mcp' }, reports: [{ messageId: 'unauthenticated', severity: 'high' }] },
  ],
});
