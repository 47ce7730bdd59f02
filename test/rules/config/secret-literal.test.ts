import rule from '../../../src/rules/config/secret-literal.js';
import { REDACTED } from '../../../src/analysis/secret-patterns.js';
import { cmd, entry, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

const GH = 'ghp_R3alLook1ngT0kenF0rTheExamp1eOnly000';
const RANDOM = 'q8Xr2LmZp4Vt7Nw1Ks9Hy3BcD6fG';

testConfigRule(rule, {
  valid: [
    // Real-world README configs.
    { name: 'github with ${GITHUB_TOKEN}', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-github'], { env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' } }) },
    { name: 'VS Code ${env:} and ${input:}', entry: cmd('npx', ['-y', 'pkg'], { env: { API_KEY: '${env:API_KEY}', TOKEN: '${input:token}' } }) },
    { name: 'README placeholders', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-brave-search'], { env: { BRAVE_API_KEY: 'YOUR_API_KEY_HERE', GITHUB_TOKEN: '<YOUR_TOKEN>' } }) },
    { name: 'slack README values', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-slack'], { env: { SLACK_BOT_TOKEN: 'xoxb-your-bot-token', SLACK_TEAM_ID: 'T01234567' } }) },
    { name: 'AWS documentation example key', entry: cmd('uvx', ['awslabs.aws-api-mcp-server@latest'], { env: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_REGION: 'us-east-1', AWS_PROFILE: 'default' } }) },
    { name: 'credentials file path', entry: cmd('npx', ['-y', 'pkg'], { env: { GOOGLE_APPLICATION_CREDENTIALS: '/home/u/.config/gcloud/key.json', SSH_KEY: '~/.ssh/id_ed25519' } }) },
    { name: 'filesystem with a project path', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/home/u/projects/app']) },
    { name: 'localhost remote', entry: remote('http://localhost:3000/mcp') },
    { name: 'header from env', entry: remote('https://api.githubcopilot.com/mcp/', { headers: { Authorization: 'Bearer ${GITHUB_PAT}' } }) },
    { name: 'docker -e passes a name only', entry: cmd('docker', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server']) },
    { name: 'variable name as value (Codex env_vars style)', entry: cmd('node', ['s.js'], { env: { API_KEY: 'OPENAI_API_KEY_PROD' } }) },
    { name: 'ids, hashes and options', entry: cmd('node', ['s.js', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'], { env: { EXA_TEAM_ID: '550e8400-e29b-41d4-a716-446655440000', NODE_OPTIONS: '--max-old-space-size=4096', PUPPETEER_LAUNCH_OPTIONS: '{ "headless": true, "args": [] }' } }) },
    { name: 'connection string without a password', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://localhost/mydb']) },
    { name: 'connection string with a placeholder password', entry: cmd('node', ['s.js'], { env: { DATABASE_URL: 'postgres://app:${DB_PASSWORD}@db/app' } }) },
    { name: 'non-secret names with long values', entry: cmd('node', ['s.js', '--project-id', RANDOM], { env: { TOKEN_URL: 'https://auth.example.com/oauth/token', MAX_TOKENS: '4096', PUBLIC_KEY: RANDOM } }) },
  ],
  invalid: [
    {
      name: 'GitHub token in env',
      entry: cmd('npx', ['-y', '@modelcontextprotocol/server-github'], { env: { GITHUB_PERSONAL_ACCESS_TOKEN: GH }, fieldLines: { 'env.GITHUB_PERSONAL_ACCESS_TOKEN': 9 } }),
      reports: [{ messageId: 'knownFormat', field: '/env/GITHUB_PERSONAL_ACCESS_TOKEN', severity: 'high', line: 9, evidence: `env.GITHUB_PERSONAL_ACCESS_TOKEN=ghp_${REDACTED}` }],
      secrets: [GH],
    },
    {
      name: 'bearer token in a header',
      entry: remote('https://mcp.example.com/mcp', { headers: { Authorization: `Bearer ${RANDOM}` } }),
      reports: [{ messageId: 'knownFormat', field: '/headers/Authorization', evidence: `headers.Authorization=Bearer ${REDACTED}` }],
      secrets: [RANDOM],
    },
    {
      name: 'API key without a known format, named like one',
      entry: cmd('npx', ['-y', 'pkg'], { env: { BRAVE_API_KEY: RANDOM } }),
      reports: [{ messageId: 'namedLiteral', field: '/env/BRAVE_API_KEY', severity: 'high', data: { kind: 'API key' }, evidence: `env.BRAVE_API_KEY=q8Xr${REDACTED}` }],
      secrets: [RANDOM],
    },
    {
      name: 'short password is still a password',
      entry: cmd('node', ['s.js'], { env: { POSTGRES_PASSWORD: 'hunter2' } }),
      reports: [{ messageId: 'namedLiteral', severity: 'high', data: { kind: 'password' } }],
      secrets: ['hunter2'],
    },
    {
      name: 'short low-entropy key is medium',
      entry: cmd('node', ['s.js'], { env: { API_KEY: 'abc123' } }),
      reports: [{ messageId: 'namedLiteral', severity: 'medium' }],
      secrets: ['abc123'],
    },
    {
      name: '--api-key=VALUE in args',
      entry: cmd('npx', ['-y', 'pkg@1.0.0', `--api-key=${RANDOM}`]),
      reports: [{ messageId: 'namedLiteral', field: '/args/2', evidence: `args[2]=--api-key=q8Xr${REDACTED}` }],
      secrets: [RANDOM],
    },
    {
      name: '--token VALUE across two args',
      entry: cmd('node', ['s.js', '--token', RANDOM]),
      reports: [{ messageId: 'namedLiteral', field: '/args/2' }],
      secrets: [RANDOM],
    },
    {
      name: 'api key in a URL query',
      entry: remote(`https://mcp.example.com/sse?api_key=${RANDOM}`),
      reports: [{ messageId: 'namedLiteral', field: '/url' }],
      secrets: [RANDOM],
    },
    {
      name: 'password inside a shell script',
      entry: cmd('bash', ['-c', 'pg-mcp postgres://admin:hunter2@db.internal:5432/app']),
      reports: [{ messageId: 'knownFormat', field: '/args/1', evidence: `args[1]=pg-mcp postgres://admin:${REDACTED}@db.internal:5432/app` }],
      secrets: ['hunter2'],
    },
    {
      name: 'docker -e NAME=VALUE',
      entry: cmd('docker', ['run', '-i', '--rm', '-e', `SERVICE_TOKEN=${RANDOM}`, 'mcp/x@sha256:' + 'a'.repeat(64)]),
      reports: [{ messageId: 'namedLiteral', field: '/args/4' }],
      secrets: [RANDOM],
    },
    {
      name: 'random value under a neutral name is low',
      entry: cmd('node', ['s.js'], { env: { CONFIG_BLOB: RANDOM } }),
      reports: [{ messageId: 'highEntropy', field: '/env/CONFIG_BLOB', severity: 'low' }],
      secrets: [RANDOM],
    },
    {
      name: 'one report per field, several fields',
      entry: entry({ transport: 'http', url: 'https://x.example.com/mcp', headers: { 'X-API-Key': RANDOM, Cookie: `session=${RANDOM}9` } }),
      reports: [{ messageId: 'namedLiteral', field: '/headers/X-API-Key' }, { messageId: 'namedLiteral', field: '/headers/Cookie' }],
      secrets: [RANDOM],
    },
  ],
});
