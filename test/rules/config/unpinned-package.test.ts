import rule from '../../../src/rules/config/unpinned-package.js';
import { cmd, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

testConfigRule(rule, {
  valid: [
    { name: 'pinned npx (README style)', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/home/u/projects']) },
    { name: 'pinned uvx ==', entry: cmd('uvx', ['mcp-server-fetch==2025.4.7']) },
    { name: 'pinned uvx @', entry: cmd('uvx', ['mcp-server-git@0.6.2', '--repository', '/home/u/repo']) },
    { name: 'pinned uvx --from', entry: cmd('uvx', ['--from', 'mcp-proxy==0.8.0', 'mcp-proxy', 'http://localhost:8080/sse']) },
    { name: 'image by digest', entry: cmd('docker', ['run', '-i', '--rm', `mcp/fetch@${DIGEST}`]) },
    { name: 'git commit', entry: cmd('npx', ['-y', 'github:acme/mcp#0123456789abcdef0123456789abcdef01234567']) },
    { name: 'local path', entry: cmd('npx', ['./tools/mcp-server']) },
    { name: 'installed binary', entry: cmd('/usr/local/bin/github-mcp-server', ['stdio']) },
    { name: 'node script', entry: cmd('node', ['/opt/mcp/server.js']) },
    { name: 'python module', entry: cmd('python', ['-m', 'mcp_server_time']) },
    { name: 'npx told not to install', entry: cmd('npx', ['--no-install', 'mcp-server-everything']) },
    { name: 'docker told never to pull', entry: cmd('docker', ['run', '--pull=never', '-i', 'mcp/fetch']) },
    { name: 'remote server', entry: remote('https://mcp.example.com/mcp') },
  ],
  invalid: [
    {
      name: 'npx -y without a version',
      entry: cmd('npx', ['-y', '@modelcontextprotocol/server-github'], { fieldLines: { 'args.1': 7 } }),
      reports: [{ messageId: 'unpinned', severity: 'high', field: '/args/1', line: 7, evidence: 'npx -y @modelcontextprotocol/server-github', data: { how: 'no version', source: 'the npm registry' } }],
    },
    { name: 'npx without -y (npm assumes yes off a TTY)', entry: cmd('npx', ['@modelcontextprotocol/server-github']), reports: [{ messageId: 'unpinned', severity: 'high', evidence: 'npx @modelcontextprotocol/server-github' }] },
    { name: '@latest', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-github@latest']), reports: [{ messageId: 'unpinned', data: { how: 'the "latest" tag' } }] },
    { name: 'dist-tag', entry: cmd('npx', ['-y', 'mcp-remote@next']), reports: [{ messageId: 'unpinned', severity: 'high' }] },
    { name: 'caret range', entry: cmd('npx', ['-y', 'mcp-remote@^0.1.0']), reports: [{ messageId: 'range', severity: 'medium', data: { version: '^0.1.0' } }] },
    { name: 'uvx', entry: cmd('uvx', ['mcp-server-fetch']), reports: [{ messageId: 'unpinned', field: '/args/0', data: { source: 'PyPI' } }] },
    { name: 'uvx @latest', entry: cmd('uvx', ['awslabs.core-mcp-server@latest']), reports: [{ messageId: 'unpinned' }] },
    { name: 'uvx range', entry: cmd('uvx', ['mcp-server-fetch>=2025.1']), reports: [{ messageId: 'range' }] },
    { name: 'uv tool run', entry: cmd('uv', ['tool', 'run', 'mcp-server-time']), reports: [{ messageId: 'unpinned', field: '/args/2' }] },
    { name: 'pipx run', entry: cmd('pipx', ['run', 'mcp-server-x']), reports: [{ messageId: 'unpinned' }] },
    { name: 'bunx', entry: cmd('bunx', ['mcp-server-x']), reports: [{ messageId: 'unpinned' }] },
    { name: 'pnpm dlx', entry: cmd('pnpm', ['dlx', 'mcp-server-x']), reports: [{ messageId: 'unpinned' }] },
    { name: 'yarn dlx', entry: cmd('yarn', ['dlx', 'mcp-server-x']), reports: [{ messageId: 'unpinned' }] },
    { name: 'deno run npm:', entry: cmd('deno', ['run', '-A', 'npm:mcp-server-x']), reports: [{ messageId: 'unpinned' }] },
    { name: 'git branch', entry: cmd('npx', ['-y', 'github:acme/mcp']), reports: [{ messageId: 'unpinned', data: { source: 'the repository' } }] },
    { name: 'docker image without tag', entry: cmd('docker', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server']), reports: [{ messageId: 'unpinned', severity: 'high', field: '/args/5', data: { source: 'the image registry' } }] },
    { name: 'docker :latest', entry: cmd('docker', ['run', '-i', 'mcp/fetch:latest']), reports: [{ messageId: 'unpinned', severity: 'high' }] },
    { name: 'docker mutable tag', entry: cmd('podman', ['run', '-i', 'ghcr.io/github/github-mcp-server:v0.4.0']), reports: [{ messageId: 'mutableTag', severity: 'low', data: { version: 'v0.4.0' } }] },
    { name: 'Windows cmd /c npx', entry: cmd('cmd', ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory']), reports: [{ messageId: 'unpinned', field: '/args/3' }] },
    { name: 'inside a compound shell script', entry: cmd('bash', ['-c', 'source ~/.nvm/nvm.sh && npx -y mcp-remote https://x.example/mcp']), reports: [{ messageId: 'unpinned', field: '/args/1', evidence: 'npx -y mcp-remote' }] },
    { name: 'every --package of npx', entry: cmd('npx', ['-y', '-p', 'a-mcp', '-p', 'b-mcp@1.0.0', '-p', 'c-mcp@~1.0', 'a-mcp']), reports: [{ messageId: 'unpinned', field: '/args/2' }, { messageId: 'range', field: '/args/6' }] },
  ],
});
