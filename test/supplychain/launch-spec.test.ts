import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEntry } from '../../src/model/index.js';
import { ociRef, pypiRef, resolveLaunchSpec } from '../../src/supplychain/launch-spec.js';

function refOf(command: string, args: string[], extra: Record<string, unknown> = {}) {
  return resolveLaunchSpec(serverEntry({ name: 's', client: 't', scope: 'file', configFile: '/c.json', transport: 'stdio', command, args, ...extra }));
}

describe('resolveLaunchSpec: npm launchers', () => {
  const cases: Array<[string, string[], { name: string; requested?: string; pinned: boolean; field: string }]> = [
    ['npx', ['-y', 'pkg@1.2.3'], { name: 'pkg', requested: '1.2.3', pinned: true, field: 'args.1' }],
    ['npx', ['pkg'], { name: 'pkg', pinned: false, field: 'args.0' }],
    ['npx', ['-y', '@scope/srv@latest', '--flag'], { name: '@scope/srv', requested: 'latest', pinned: false, field: 'args.1' }],
    ['npx', ['--yes', '@scope/srv@^1.2.0'], { name: '@scope/srv', requested: '^1.2.0', pinned: false, field: 'args.1' }],
    ['npx', ['-y', '-p', 'real-pkg@2.0.0', 'bin-name'], { name: 'real-pkg', requested: '2.0.0', pinned: true, field: 'args.2' }],
    ['npx', ['--package=real-pkg', 'bin-name'], { name: 'real-pkg', pinned: false, field: 'args.0' }],
    ['/usr/local/bin/npx', ['-y', 'pkg@1.0.0'], { name: 'pkg', requested: '1.0.0', pinned: true, field: 'args.1' }],
    ['npx.cmd', ['-y', 'pkg'], { name: 'pkg', pinned: false, field: 'args.1' }],
    ['cmd', ['/c', 'npx', '-y', 'pkg@3.0.0'], { name: 'pkg', requested: '3.0.0', pinned: true, field: 'args.3' }],
    ['npm', ['exec', '--yes', 'pkg@1.0.0'], { name: 'pkg', requested: '1.0.0', pinned: true, field: 'args.2' }],
    ['npm', ['x', '--', 'pkg'], { name: 'pkg', pinned: false, field: 'args.2' }],
    ['pnpm', ['dlx', 'pkg@1.0.0'], { name: 'pkg', requested: '1.0.0', pinned: true, field: 'args.1' }],
    ['bunx', ['pkg@1'], { name: 'pkg', requested: '1', pinned: false, field: 'args.0' }],
    ['yarn', ['dlx', 'pkg'], { name: 'pkg', pinned: false, field: 'args.1' }],
    ['npx', ['-y', 'npm:real@1.0.0'], { name: 'real', requested: '1.0.0', pinned: true, field: 'args.1' }],
  ];
  for (const [command, args, want] of cases) {
    it(`${command} ${args.join(' ')}`, () => {
      const ref = refOf(command, args);
      expect(ref).toMatchObject({ ecosystem: 'npm', source: 'registry', ...want });
      if (want.requested === undefined) expect(ref?.requested).toBeUndefined();
    });
  }

  it('git specs are pinned only to a full commit', () => {
    expect(refOf('npx', ['github:o/r'])).toMatchObject({ source: 'git', pinned: false });
    expect(refOf('npx', [`github:o/r#${'a'.repeat(40)}`])).toMatchObject({ source: 'git', pinned: true });
  });

  it('pnpm exec and npm run name no registry package', () => {
    expect(refOf('pnpm', ['exec', 'thing'])).toBeUndefined();
    expect(refOf('npm', ['run', 'start'])).toBeUndefined();
  });
});

describe('resolveLaunchSpec: Python launchers', () => {
  it.each([
    ['uvx', ['mcp-server-fetch'], { name: 'mcp-server-fetch', pinned: false, field: 'args.0' }],
    ['uvx', ['mcp-server-fetch==2025.1.1'], { name: 'mcp-server-fetch', requested: '==2025.1.1', pinned: true }],
    ['uvx', ['Mcp_Server.Fetch@1.0'], { name: 'mcp-server-fetch', requested: '==1.0', pinned: true }],
    ['uvx', ['--from', 'mcp-server-git>=1.0', 'mcp-server-git'], { name: 'mcp-server-git', requested: '>=1.0', pinned: false, field: 'args.1' }],
    ['uvx', ['--python', '3.12', 'pkg==1.0.0'], { name: 'pkg', requested: '==1.0.0', pinned: true, field: 'args.2' }],
    ['uv', ['tool', 'run', 'pkg'], { name: 'pkg', pinned: false }],
    ['pipx', ['run', 'pkg==2.0'], { name: 'pkg', pinned: true }],
    ['pipx', ['run', '--spec', 'pkg[cli]==2.0', 'cmd'], { name: 'pkg', requested: '==2.0', pinned: true, field: 'args.2' }],
  ] as const)('%s %j', (command, args, want) => {
    expect(refOf(command, [...args])).toMatchObject({ ecosystem: 'pypi', ...want });
  });

  it('wildcards and ranges float', () => {
    expect(pypiRef('pkg==1.*', 'uvx', 'args.0')?.pinned).toBe(false);
    expect(pypiRef('pkg>=1,<2', 'uvx', 'args.0')?.pinned).toBe(false);
    expect(pypiRef('pkg===1.0', 'uvx', 'args.0')?.pinned).toBe(true);
  });

  it('uv run is the local project', () => {
    expect(refOf('uv', ['run', 'server.py'])).toBeUndefined();
  });
});

describe('resolveLaunchSpec: containers', () => {
  it('reads the image after docker run options', () => {
    const ref = refOf('docker', ['run', '-i', '--rm', '-e', 'TOKEN', '-v', '/a:/b', 'mcp/github:1.0']);
    expect(ref).toMatchObject({ ecosystem: 'oci', name: 'docker.io/mcp/github', requested: '1.0', pinned: false, field: 'args.7', image: { registry: 'docker.io', repository: 'mcp/github', tag: '1.0' } });
  });

  it('a digest pins the image', () => {
    const d = `sha256:${'ab'.repeat(32)}`;
    expect(refOf('docker', ['run', '-i', `ghcr.io/github/github-mcp-server:v1@${d}`])).toMatchObject({ pinned: true, requested: d, image: { registry: 'ghcr.io', repository: 'github/github-mcp-server', tag: 'v1', digest: d } });
  });

  it('official images get library/ and registry ports are hosts', () => {
    expect(ociRef('node', 'docker', 'args.1')?.image).toEqual({ registry: 'docker.io', repository: 'library/node' });
    expect(ociRef('localhost:5000/me/srv:2', 'docker', 'args.1')?.image).toEqual({ registry: 'localhost:5000', repository: 'me/srv', tag: '2' });
    expect(ociRef('img@sha256:short', 'docker', 'args.1')).toBeUndefined();
  });
});

describe('resolveLaunchSpec: local code', () => {
  it('node on a node_modules path is a local install with its version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-nm-'));
    const pkgDir = join(dir, 'node_modules', '@s', 'srv');
    mkdirSync(join(pkgDir, 'dist'), { recursive: true });
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: '@s/srv', version: '1.4.0' }));
    const ref = refOf('node', [join(pkgDir, 'dist', 'index.js')]);
    expect(ref).toMatchObject({ ecosystem: 'npm', name: '@s/srv', requested: '1.4.0', pinned: true, source: 'local-install', field: 'args.0' });
  });

  it('node inside an MCPB bundle is the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-mcpb-'));
    mkdirSync(join(dir, 'server'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: '0.2', name: 'files-ext', version: '0.3.1' }));
    expect(refOf('node', [join(dir, 'server', 'index.js')])).toMatchObject({ ecosystem: 'mcpb', name: 'files-ext', requested: '0.3.1', source: 'bundle', localDir: dir });
  });

  it('a plain script and a remote server name no package', () => {
    expect(refOf('node', ['/opt/srv/index.js'])).toBeUndefined();
    expect(resolveLaunchSpec(serverEntry({ name: 'r', client: 't', scope: 'file', configFile: '/c', transport: 'http', url: 'https://x.example/mcp' }))).toBeUndefined();
  });

  it('runners inside shell strings and PowerShell are found by the shared launch parser', () => {
    expect(refOf('bash', ['-c', 'npx -y pkg@1.0.0 --flag'])).toMatchObject({ ecosystem: 'npm', name: 'pkg', requested: '1.0.0', pinned: true, field: 'args.1' });
    expect(refOf('powershell', ['-Command', 'npx -y other'])).toMatchObject({ name: 'other', pinned: false });
  });
});
