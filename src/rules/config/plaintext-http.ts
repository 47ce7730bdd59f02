/**
 * @fileoverview A remote MCP server reached over plain `http://` (or `ws://`) on a host other
 * than this machine, directly or through a stdio bridge such as `mcp-remote`.
 */
import { defineRule } from '../define.js';
import { Attack } from '../attack.js';
import type { ServerEntry, Severity } from '../../model/index.js';
import { hostScope, parseUrl, type HostScope } from '../../analysis/hosts.js';
import { parseLaunch } from '../../analysis/launch.js';
import { secretNameKind } from '../../analysis/secret-context.js';
import type { RuleReport } from '../types.js';
import type { ConfigRuleContext } from './types.js';
import { locate, locateToken } from './utils/fields.js';

type MessageId = 'plainHttp' | 'credentialsInClear' | 'plainHttpArg';

/** stdio packages whose URL argument is the remote MCP server they bridge to. */
const BRIDGES = new Set(['mcp-remote', 'supergateway', 'mcp-proxy', 'mcp-server-proxy', '@modelcontextprotocol/inspector']);

function insecure(url: URL | undefined): url is URL {
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'ws:');
}

/** Credentials that travel with requests to this URL: auth-like headers, userinfo, query keys. */
function credentialCarriers(url: URL, headers: Record<string, string>): string[] {
  const out = Object.keys(headers).filter((h) => secretNameKind(h) !== undefined && (headers[h] ?? '').trim() !== '').map((h) => `header ${h}`);
  if (url.password !== '' || url.username !== '') out.push('credentials in the URL');
  for (const name of url.searchParams.keys()) if (secretNameKind(name) !== undefined) out.push(`query parameter ${name}`);
  return out;
}

const SEVERITY: Readonly<Record<Exclude<HostScope, 'loopback'>, { plain: Severity; creds: Severity; arg: Severity }>> = {
  public: { plain: 'high', creds: 'critical', arg: 'medium' },
  private: { plain: 'medium', creds: 'high', arg: 'low' },
};

export default defineRule<ServerEntry, ConfigRuleContext, MessageId>({
  kind: 'config',
  meta: {
    id: 'config/plaintext-http',
    title: 'Remote server over plain HTTP',
    description:
      'Without TLS, anyone on the network path (public Wi-Fi, a compromised router, a proxy) can read every tool call and result, steal the tokens sent with them, and rewrite tool definitions and results in flight to inject instructions into the model.',
    severity: 'high',
    category: 'transport',
    attack: [Attack.WebProtocols, Attack.AdversaryInTheMiddle],
    remediation: 'Use an https:// URL (wss:// for WebSocket). If the server is on your own network, terminate TLS in front of it; keep plain http only for loopback (localhost, 127.0.0.1, ::1).',
    messages: {
      plainHttp: 'Server "{{server}}" is reached over plain HTTP at {{host}} ({{scope}} host): tool calls, results and definitions can be read and changed in transit.',
      credentialsInClear: 'Server "{{server}}" sends {{carriers}} over plain HTTP to {{host}} ({{scope}} host): anyone on the path can capture them.',
      plainHttpArg: 'Server "{{server}}" is given a plain-HTTP URL to {{host}} ({{scope}} host) in {{field}}: whatever it exchanges there can be read and changed in transit.',
    },
  },
  check(entry) {
    const reports: RuleReport<MessageId>[] = [];
    const url = entry.url !== undefined ? parseUrl(entry.url) : undefined;
    if (insecure(url)) {
      const scope = hostScope(url.hostname);
      if (scope !== 'loopback') {
        const carriers = credentialCarriers(url, entry.headers);
        const loc = locate(entry, 'url');
        reports.push({
          messageId: carriers.length > 0 ? 'credentialsInClear' : 'plainHttp',
          data: { server: entry.name, host: url.host, scope, carriers: carriers.join(', ') },
          severity: carriers.length > 0 ? SEVERITY[scope].creds : SEVERITY[scope].plain,
          field: loc.pointer,
          ...(loc.line !== undefined ? { line: loc.line } : {}),
          evidence: entry.url as string,
        });
      }
    }
    if (entry.transport !== 'stdio') return reports;
    const launch = parseLaunch(entry);
    const bridged = launch.runners.some((r) => r.packages.some((p) => BRIDGES.has(p.name)));
    const sendsAuthHeader = entry.args.some((a, i) => /^--header$/i.test(entry.args[i - 1] ?? '') && secretNameKind(a.split(':')[0] ?? '') !== undefined);
    for (const command of launch.commands) {
      for (const token of command) {
        const u = /^(?:http|ws):\/\//i.test(token.text) ? parseUrl(token.text) : undefined;
        if (!insecure(u)) continue;
        const scope = hostScope(u.hostname);
        if (scope === 'loopback') continue;
        const loc = locateToken(entry, token);
        const field = token.arg < 0 ? 'command' : `args[${token.arg}]`;
        const base = { field: loc.pointer, ...(loc.line !== undefined ? { line: loc.line } : {}), evidence: token.text };
        if (bridged && sendsAuthHeader) reports.push({ messageId: 'credentialsInClear', data: { server: entry.name, host: u.host, scope, carriers: 'an auth header' }, severity: SEVERITY[scope].creds, ...base });
        else if (bridged) reports.push({ messageId: 'plainHttp', data: { server: entry.name, host: u.host, scope }, severity: SEVERITY[scope].plain, ...base });
        else reports.push({ messageId: 'plainHttpArg', data: { server: entry.name, host: u.host, scope, field }, severity: SEVERITY[scope].arg, ...base });
      }
    }
    return reports;
  },
});
