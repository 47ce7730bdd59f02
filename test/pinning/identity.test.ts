import { describe, expect, it } from 'vitest';
import { serverEntry } from '../../src/model/index.js';
import { declaredIdentity, describeLaunch, launchIdentity, launchedArtifact, pinnableUrl } from '../../src/pinning/identity.js';

const entry = (p: Partial<Parameters<typeof serverEntry>[0]>) =>
  serverEntry({ name: 's', client: 'test', scope: 'user', configFile: '/c.json', transport: 'stdio', ...p });

describe('launchIdentity', () => {
  it('is stable for the same command and args, whatever the env, headers or client', () => {
    const a = launchIdentity(entry({ command: 'npx', args: ['-y', 'pkg@1.0.0'], env: { TOKEN: 'x' } }));
    const b = launchIdentity(entry({ command: 'npx', args: ['-y', 'pkg@1.0.0'], client: 'cursor', env: { TOKEN: 'y' } }));
    expect(a.hash).toBe(b.hash);
    expect(a).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', 'pkg@1.0.0'], package: 'pkg@1.0.0' });
  });

  it('changes when the package version, the command or the URL moves', () => {
    const base = launchIdentity(entry({ command: 'npx', args: ['-y', 'pkg@1.0.0'] })).hash;
    expect(launchIdentity(entry({ command: 'npx', args: ['-y', 'pkg@1.0.1'] })).hash).not.toBe(base);
    expect(launchIdentity(entry({ command: 'bunx', args: ['-y', 'pkg@1.0.0'] })).hash).not.toBe(base);
    const u1 = launchIdentity(entry({ transport: 'http', url: 'https://mcp.example.com/v1' })).hash;
    expect(launchIdentity(entry({ transport: 'http', url: 'https://mcp.example.com/v2' })).hash).not.toBe(u1);
  });

  it('keeps secrets out of the pinned identity (and its hash): token rotation is not drift', () => {
    const a = launchIdentity(entry({ transport: 'http', url: 'https://user:pw@mcp.example.com/x?api_key=abc123&v=2' }));
    const b = launchIdentity(entry({ transport: 'http', url: 'https://other:pw2@mcp.example.com/x?api_key=zzz999&v=2' }));
    expect(a.hash).toBe(b.hash);
    expect(a.url).toBe('https://mcp.example.com/x?api_key=REDACTED&v=2');
    const c = launchIdentity(entry({ command: 'server', args: ['--token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'] }));
    expect(JSON.stringify(c)).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

describe('launchedArtifact', () => {
  it.each([
    ['npx', ['-y', '@scope/server@1.2.3', '--flag'], { package: '@scope/server@1.2.3' }],
    ['npx', ['--package', 'pkg@2', 'bin'], { package: 'pkg@2' }],
    ['/usr/local/bin/uvx', ['mcp-server-git==0.6.2'], { package: 'mcp-server-git==0.6.2' }],
    ['uvx', ['--from', 'mcp-server@1.0', 'serve'], { package: 'mcp-server@1.0' }],
    ['pnpm', ['dlx', 'pkg@3'], { package: 'pkg@3' }],
    ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/org/server:v1', 'stdio'], { image: 'ghcr.io/org/server:v1' }],
    ['podman', ['run', '--env=A=1', '-v', '/a:/b', 'quay.io/x/y@sha256:abc'], { image: 'quay.io/x/y@sha256:abc' }],
    ['node', ['server.js'], {}],
  ] as const)('%s %j', (cmd, args, expected) => {
    expect(launchedArtifact(cmd, args)).toEqual(expected);
  });
});

describe('declaredIdentity', () => {
  it('hashes the declared text and still names the package', () => {
    const d = declaredIdentity('npx -y pkg@1.0.0');
    expect(d).toMatchObject({ declared: 'npx -y pkg@1.0.0', package: 'pkg@1.0.0' });
    expect(declaredIdentity('npx -y pkg@1.0.0').hash).toBe(d.hash);
  });

  it('treats a declared URL as a URL, credentials removed', () => {
    expect(declaredIdentity('https://u:p@mcp.example.com/sse')).toMatchObject({ url: 'https://mcp.example.com/sse' });
  });

  it('gives every undeclared server the same empty identity', () => {
    expect(declaredIdentity(undefined).hash).toBe(declaredIdentity(undefined).hash);
    expect(describeLaunch(declaredIdentity(undefined))).toBe('launch not recorded');
  });

  it('keeps an unparsable URL as redacted text', () => {
    expect(pinnableUrl('not a url')).toBe('not a url');
  });
});
