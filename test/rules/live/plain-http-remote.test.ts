import rule from '../../../src/rules/live/plain-http-remote.js';
import { testLiveRule } from '../../helpers/live-rule-tester.js';

testLiveRule(rule, {
  valid: [
    { name: 'https', o: {} },
    { name: 'http on loopback', o: { url: 'http://127.0.0.1:8080/mcp' } },
    { name: 'http on localhost', o: { url: 'http://localhost:8080/mcp' } },
    { name: 'a stdio server', o: { transport: 'stdio' } },
  ],
  invalid: [
    { name: 'http to another host', o: { url: 'http://mcp.example.com/mcp' }, reports: [{ messageId: 'plainHttp', severity: 'high' }] },
    { name: 'http with credentials: critical', o: { url: 'http://10.0.0.5/mcp', credentialsSent: true }, reports: [{ messageId: 'plainHttpWithCredentials', severity: 'critical' }] },
    { name: 'a host merely starting with 127 is not loopback', o: { url: 'http://127.example.com/mcp' }, reports: [{ messageId: 'plainHttp', severity: 'high' }] },
  ],
});
