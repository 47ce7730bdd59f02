import { describe, expect, it } from 'vitest';
import { hostScope, parseUrl } from '../../src/analysis/hosts.js';

const scopeOf = (url: string) => hostScope(parseUrl(url)?.hostname ?? '');

describe('hostScope', () => {
  it.each([
    'http://localhost:3000/mcp',
    'http://LOCALHOST/mcp',
    'http://app.localhost/mcp',
    'http://127.0.0.1:8080/sse',
    'http://127.1.2.3/',
    'http://[::1]:3000/mcp',
    'http://0.0.0.0:8000/mcp',
    'http://2130706433/', // 127.0.0.1 in decimal, normalised by the URL parser
    'http://[::ffff:127.0.0.1]/',
  ])('%s is loopback', (u) => expect(scopeOf(u)).toBe('loopback'));

  it.each(['http://10.0.0.5/mcp', 'http://172.20.1.1/', 'http://192.168.1.10:8080/', 'http://169.254.169.254/', 'http://nas.local/', 'http://mcp.internal/', 'http://devbox/', 'http://[fd00::1]/', 'http://host.docker.internal:8080/', 'http://prometheus-operated.monitoring.svc:9090', 'http://api.default.svc.cluster.local/'])(
    '%s is private',
    (u) => expect(scopeOf(u)).toBe('private'),
  );

  it.each(['http://crm.example.com/mcp', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://[2001:db8::1]/', 'http://127.0.0.1.nip.io/'])('%s is public', (u) =>
    expect(scopeOf(u)).toBe('public'),
  );
});
