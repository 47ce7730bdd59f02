/**
 * @fileoverview examples/gateway.yaml and examples/mcp-warden.policy.yaml (shown in the README and
 * docs/gateway.md) must stay valid: both files load through the real loaders, and what they say
 * (sandboxed local servers, a token on the HTTP front, a remote server) is what the gateway gets.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../src/gateway/config.js';
import { compilePolicy, loadPolicyFile } from '../../src/policy/index.js';

const gatewayYaml = fileURLToPath(new URL('../../examples/gateway.yaml', import.meta.url));
const env = { WARDEN_TOKEN_LAPTOP: 'laptop-token', GITHUB_TOKEN: 'gh-token' };

describe('examples/gateway.yaml', () => {
  it('loads, with sandboxed stdio servers, a token-protected loopback front and a remote server', () => {
    const resolved = loadGatewayConfig(gatewayYaml, env);
    expect(resolved.upstreams.map((u) => [u.name, u.transport])).toEqual([
      ['filesystem', 'stdio'],
      ['memory', 'stdio'],
      ['github', 'http'],
    ]);
    for (const u of resolved.upstreams.filter((s) => s.transport === 'stdio')) expect(u.sandbox.enabled).toBe(true);
    expect(resolved.upstreams[0]?.sandbox.filesystem.allowWrite).toEqual(['/srv/data']);
    expect(resolved.upstreams[2]?.headers).toEqual({ Authorization: 'Bearer gh-token' });
    expect(resolved.config.listen.http?.host).toBe('127.0.0.1');
    expect(resolved.tokens).toEqual([{ name: 'laptop', token: 'laptop-token' }]);
    expect(resolved.policyFile).toBe(fileURLToPath(new URL('../../examples/mcp-warden.policy.yaml', import.meta.url)));
  });

  it('names the missing variable instead of starting with an empty token', () => {
    expect(() => loadGatewayConfig(gatewayYaml, { GITHUB_TOKEN: 'x' })).toThrow(/listen\.http\.tokens\.0\.token: environment variable WARDEN_TOKEN_LAPTOP is not set/);
  });

  it('points at a policy file that loads and compiles', () => {
    const resolved = loadGatewayConfig(gatewayYaml, env);
    const policy = compilePolicy(loadPolicyFile(resolved.policyFile ?? ''));
    expect(policy.resultScan).toEqual({ action: 'quarantine', minSeverity: 'high' });
  });
});
