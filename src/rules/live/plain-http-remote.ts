import { Attack } from '../attack.js';
import { defineRule } from '../define.js';
import { isLoopbackHost, type LiveObservation, type LiveRuleContext } from './types.js';

/**
 * MCP over plain HTTP to another host: anyone on the path reads the traffic (credentials, tool
 * results) and can rewrite tool descriptions in flight, which is prompt injection by the network.
 */
export default defineRule<LiveObservation, LiveRuleContext, 'plainHttp' | 'plainHttpWithCredentials'>({
  kind: 'live',
  meta: {
    id: 'live/plain-http-remote',
    title: 'Remote server reached over plain HTTP',
    description:
      'The MCP session ran over unencrypted HTTP to a non-loopback host. Anyone on the network path can read every request and result, steal credentials sent with them, and rewrite tool definitions in flight to inject instructions into the model.',
    severity: 'high',
    category: 'transport',
    attack: [Attack.AdversaryInTheMiddle, Attack.NetworkSniffing],
    remediation: 'Use an https:// URL (TLS) for every remote MCP server; if the server cannot serve TLS, put it behind a TLS-terminating proxy or reach it over an SSH tunnel or VPN.',
    messages: {
      plainHttp: 'Server "{{name}}" was reached over plain HTTP at {{url}}; traffic and tool definitions can be read and altered on the way.',
      plainHttpWithCredentials: 'Server "{{name}}" was reached over plain HTTP at {{url}} with credentials in the request; they travel in cleartext.',
    },
  },
  check(o) {
    if (o.transport === 'stdio' || o.url === undefined) return [];
    let url: URL;
    try {
      url = new URL(o.url);
    } catch {
      return [];
    }
    if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return [];
    return [
      {
        messageId: o.credentialsSent ? 'plainHttpWithCredentials' : 'plainHttp',
        ...(o.credentialsSent ? { severity: 'critical' as const } : {}),
        data: { name: o.entry.name, url: o.url },
        field: '/url',
        line: o.entry.fieldLines['url'],
        evidence: o.url,
      },
    ];
  },
});
