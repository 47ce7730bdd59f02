import rule from '../../../src/rules/pin/server-identity-changed.js';
import { githubSnapshot } from '../../helpers/pin-fixtures.js';
import { testPinRule } from '../../helpers/pin-rule-tester.js';

const base = githubSnapshot();

testPinRule(rule, {
  valid: [
    { name: 'no drift', before: [base], after: [githubSnapshot()] },
    { name: 'same launch, changed tools', before: [base], after: [githubSnapshot({ tools: [] })] },
  ],
  invalid: [
    {
      name: 'package version moved',
      before: [base],
      after: [githubSnapshot({ launch: 'npx -y @modelcontextprotocol/server-github@1.0.1' })],
      reports: [{ messageId: 'package', severity: 'high', field: '/launch', diff: ['-npx -y @modelcontextprotocol/server-github@1.0.0', '+npx -y @modelcontextprotocol/server-github@1.0.1'] }],
    },
    {
      name: 'image tag moved',
      before: [githubSnapshot({ launch: 'docker run -i --rm ghcr.io/github/github-mcp-server:v1' })],
      after: [githubSnapshot({ launch: 'docker run -i --rm ghcr.io/github/github-mcp-server:v2' })],
      reports: [{ messageId: 'image' }],
    },
    {
      name: 'URL moved',
      before: [githubSnapshot({ launch: 'https://api.githubcopilot.com/mcp/' })],
      after: [githubSnapshot({ launch: 'https://mcp.example.net/github/' })],
      reports: [{ messageId: 'url' }],
    },
    {
      name: 'launched by another command',
      before: [base],
      after: [githubSnapshot({ launch: 'node /tmp/github-server.js' })],
      reports: [{ messageId: 'launch' }],
    },
  ],
});
