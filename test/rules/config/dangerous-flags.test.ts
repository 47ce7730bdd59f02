import rule from '../../../src/rules/config/dangerous-flags.js';
import { cmd, remote, testConfigRule } from '../../helpers/config-rule-tester.js';

const IMG = `mcp/x@sha256:${'0123456789abcdef'.repeat(4)}`;
const docker = (...opts: string[]) => cmd('docker', ['run', '-i', '--rm', ...opts, IMG]);

testConfigRule(rule, {
  valid: [
    { name: 'GitHub server README (docker, env by name)', entry: cmd('docker', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server']) },
    { name: 'filesystem image with project mounts (README style)', entry: docker('--mount', 'type=bind,src=/Users/me/Desktop,dst=/projects/Desktop', '--mount', 'type=bind,src=/Users/me/Desktop/notes.txt,dst=/projects/notes.txt,ro') },
    { name: 'named volume', entry: docker('-v', 'mcp-data:/data') },
    { name: 'project directory read-only', entry: docker('-v', '/home/u/projects/app:/workspace:ro') },
    { name: 'bridge network, dropped capabilities', entry: docker('--network', 'bridge', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges') },
    { name: 'puppeteer server with default sandbox', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-puppeteer@2025.5.12']) },
    { name: 'deno with scoped permissions', entry: cmd('deno', ['run', '--allow-net=api.example.com', 'jsr:@acme/mcp@1.0.0']) },
    { name: '-A outside deno is not --allow-all', entry: cmd('grep', ['-A', '3', 'x']) },
    { name: 'remote', entry: remote('https://mcp.example.com/mcp') },
  ],
  invalid: [
    {
      name: '--privileged',
      entry: docker('--privileged'),
      reports: [{ messageId: 'privileged', severity: 'critical', field: '/args/3', attack: ['T1611', 'AML.T0105'], evidence: '--privileged' }],
    },
    { name: 'docker socket mount, even read-only', entry: docker('-v', '/var/run/docker.sock:/var/run/docker.sock:ro'), reports: [{ messageId: 'dockerSocket', severity: 'critical', field: '/args/4' }] },
    { name: '--use-api-socket', entry: docker('--use-api-socket'), reports: [{ messageId: 'dockerSocket', severity: 'critical' }] },
    { name: 'host root', entry: docker('-v', '/:/host'), reports: [{ messageId: 'hostMount', severity: 'critical', data: { path: '/', mode: 'read-write' } }] },
    { name: 'host root read-only', entry: docker('--mount', 'type=bind,source=/,target=/host,readonly'), reports: [{ messageId: 'hostMount', severity: 'high', data: { mode: 'read-only' } }] },
    { name: '$HOME', entry: docker('-v', '$HOME:/home/node'), reports: [{ messageId: 'hostMount', severity: 'high', data: { path: 'the home directory (/home/u)' } }] },
    { name: 'home read-only is medium', entry: docker('-v', '/home/u:/data:ro'), reports: [{ messageId: 'hostMount', severity: 'medium' }] },
    { name: '~/.ssh', entry: docker('-v', '~/.ssh:/root/.ssh:ro'), reports: [{ messageId: 'hostMount', severity: 'high', data: { path: '~/.ssh' } }] },
    { name: 'Windows home', entry: docker('-v', 'C:\\Users\\me:/data'), ctx: { home: 'C:\\Users\\me', platform: 'win32' }, reports: [{ messageId: 'hostMount', severity: 'high' }] },
    { name: '--network host', entry: docker('--network', 'host'), reports: [{ messageId: 'hostNamespace', severity: 'medium', data: { namespace: 'network' } }] },
    { name: '--net=host', entry: docker('--net=host'), reports: [{ messageId: 'hostNamespace', data: { namespace: 'network' } }] },
    { name: '--pid host', entry: docker('--pid=host'), reports: [{ messageId: 'hostNamespace', severity: 'high', data: { namespace: 'pid' } }] },
    { name: 'SYS_ADMIN', entry: docker('--cap-add', 'SYS_ADMIN'), reports: [{ messageId: 'capability', severity: 'high' }] },
    { name: 'NET_RAW', entry: docker('--cap-add=NET_RAW'), reports: [{ messageId: 'capability', severity: 'medium' }] },
    { name: 'seccomp unconfined', entry: docker('--security-opt', 'seccomp=unconfined'), reports: [{ messageId: 'capability', severity: 'high' }] },
    { name: 'podman too', entry: cmd('podman', ['run', '--privileged', IMG]), reports: [{ messageId: 'privileged' }] },
    {
      name: '--no-sandbox for a browser server',
      entry: cmd('npx', ['-y', '@acme/browser-mcp@1.0.0', '--no-sandbox']),
      reports: [{ messageId: 'safetyOff', severity: 'high', field: '/args/2', attack: ['T1562.001'] }],
    },
    { name: '--dangerously-skip-permissions', entry: cmd('claude', ['mcp', 'serve', '--dangerously-skip-permissions']), reports: [{ messageId: 'safetyOff', severity: 'high', data: { flag: '--dangerously-skip-permissions' } }] },
    { name: '--allow-all', entry: cmd('deno', ['run', '--allow-all', 'jsr:@acme/mcp@1.0.0']), reports: [{ messageId: 'safetyOff' }] },
    { name: 'deno -A', entry: cmd('deno', ['run', '-A', 'jsr:@acme/mcp@1.0.0']), reports: [{ messageId: 'safetyOff', data: { flag: '-A' } }] },
    { name: 'inside a shell script', entry: cmd('bash', ['-c', 'exec chrome-mcp --no-sandbox']), reports: [{ messageId: 'safetyOff', field: '/args/1' }] },
    {
      name: 'PowerShell -ExecutionPolicy Bypass',
      entry: cmd('powershell', ['-ExecutionPolicy', 'Bypass', '-File', 'C:\\mcp\\server.ps1']),
      reports: [{ messageId: 'safetyOff', severity: 'medium', data: { flag: '-ExecutionPolicy Bypass' } }],
    },
    {
      name: 'several at once',
      entry: cmd('docker', ['run', '-i', '--rm', '--privileged', '--network', 'host', '-v', '/var/run/docker.sock:/var/run/docker.sock', 'mcp/docker:latest']),
      reports: [{ messageId: 'privileged' }, { messageId: 'hostNamespace' }, { messageId: 'dockerSocket' }],
    },
  ],
});
