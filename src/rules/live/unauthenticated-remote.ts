import { Attack } from '../attack.js';
import { defineRule } from '../define.js';
import { isLoopbackHost, type LiveObservation, type LiveRuleContext } from './types.js';

/**
 * A remote MCP server that lists its tools to anyone who asks is an exposed service: whoever can
 * reach the URL can call those tools, with whatever access the server holds.
 */
export default defineRule<LiveObservation, LiveRuleContext, 'unauthenticated' | 'unauthenticatedLocal'>({
  kind: 'live',
  meta: {
    id: 'live/unauthenticated-remote',
    title: 'Remote server answers without authentication',
    description:
      'The server listed its tools to a client that sent no credentials. Anyone who can reach the URL can do the same and then call the tools, with the access the server holds (files, APIs, databases). On a loopback address, any local process and (through DNS rebinding) any web page can.',
    severity: 'high',
    category: 'exposure',
    attack: [Attack.ExploitPublicFacingApplication],
    remediation:
      'Require authentication on the server (OAuth 2.1 as the MCP authorization spec describes, or at least a bearer token) and reject unauthenticated tools/list and tools/call; for local servers prefer stdio, or bind to loopback and check the Origin and Host headers.',
    messages: {
      unauthenticated: 'Server "{{name}}" at {{url}} listed {{tools}} tool(s) to a client that sent no credentials.',
      unauthenticatedLocal: 'Local server "{{name}}" at {{url}} listed {{tools}} tool(s) without authentication; any local process or a DNS-rebinding web page can call them.',
    },
  },
  check(o) {
    if (o.transport === 'stdio' || o.url === undefined || o.credentialsSent || o.snapshot.tools.length === 0) return [];
    let host: string;
    try {
      host = new URL(o.url).hostname;
    } catch {
      return [];
    }
    const local = isLoopbackHost(host);
    return [
      {
        messageId: local ? 'unauthenticatedLocal' : 'unauthenticated',
        ...(local ? { severity: 'low' as const } : {}),
        data: { name: o.entry.name, url: o.url, tools: o.snapshot.tools.length },
        field: '/url',
        line: o.entry.fieldLines['url'],
        evidence: o.url,
      },
    ];
  },
});
