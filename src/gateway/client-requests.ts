/**
 * @module gateway/client-requests
 * Requests that upstream servers send to the client — sampling (`sampling/createMessage`),
 * elicitation (`elicitation/create`) and roots (`roots/list`) — relayed to the connected client
 * under the policy's `serverRequests`, and audited like calls.
 *
 * A request goes to the one client session that can take it: the gateway cannot tell which of
 * several clients an upstream means (stdio upstreams carry no session), so with more than one
 * session connected it refuses rather than guess. Elicitation messages are prefixed with the
 * server's name, so the user knows who is asking and a server cannot pose as the client.
 */
import { ProtocolError, ProtocolErrorCode, type Server } from '@modelcontextprotocol/server';
import type { ClientCapabilities } from '@modelcontextprotocol/client';
import type { CompiledPolicy } from '../policy/index.js';
import type { AuditSink } from '../store/audit-record.js';
import { ANY_OBJECT } from './upstream/upstream.js';

export const CLIENT_REQUEST_METHODS = ['sampling/createMessage', 'elicitation/create', 'roots/list'] as const;
export type ClientRequestMethod = (typeof CLIENT_REQUEST_METHODS)[number];

/** The client capability each request needs. */
export const CLIENT_REQUEST_CAPABILITY: Record<ClientRequestMethod, 'sampling' | 'elicitation' | 'roots'> = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
  'roots/list': 'roots',
};

/** What an upstream's client needs from the gateway to relay server-to-client requests. */
export interface ClientRequestBridge {
  /** Capabilities to declare to upstreams (only what the policy allows at connect time). */
  capabilities(): ClientCapabilities;
  relay(server: string, method: ClientRequestMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>>;
}

export interface ClientRequestDeps {
  policy: () => CompiledPolicy;
  /** Client sessions the gateway can push requests to (stdio and 2025 HTTP sessions). */
  sessions: () => ReadonlySet<Server>;
  /** How a session's client is connected, for the audit record. */
  connection: (server: Server) => { transport: 'stdio' | 'http'; session: string } | undefined;
  sink: AuditSink;
}

function labelled(server: string, params: Record<string, unknown>): Record<string, unknown> {
  const message = typeof params['message'] === 'string' ? params['message'] : '';
  return { ...params, message: `[${server}] ${message}` };
}

export function clientRequestBridge(deps: ClientRequestDeps): ClientRequestBridge {
  return {
    capabilities() {
      const p = deps.policy().serverRequests;
      const caps: ClientCapabilities = {};
      if (p.sampling === 'allow') caps.sampling = {};
      if (p.elicitation === 'allow') caps.elicitation = { form: {} };
      if (p.roots === 'allow') caps.roots = { listChanged: true };
      return caps;
    },

    async relay(server, method, params, signal) {
      const started = performance.now();
      const kind = CLIENT_REQUEST_CAPABILITY[method];
      const sessions = [...deps.sessions()];
      const session = sessions.length === 1 ? sessions[0] : undefined;
      const client = session?.getClientVersion();
      const conn = session ? deps.connection(session) : undefined;
      const base = { time: Date.now(), session: conn?.session ?? 'none', client: client?.name ?? 'unknown', transport: conn?.transport ?? ('stdio' as const), method, requested: method, server, target: method };
      const refuse = (code: ProtocolErrorCode, reason: string, rule?: string): never => {
        deps.sink.record({ ...base, decision: 'deny', reason, ...(rule ? { rule } : {}), latencyMs: performance.now() - started });
        throw new ProtocolError(code, `mcp-warden: ${method} from ${server} refused: ${reason}`);
      };
      if (deps.policy().serverRequests[kind] !== 'allow') refuse(ProtocolErrorCode.InvalidRequest, `the policy denies ${kind} requests from servers (serverRequests.${kind})`, `serverRequests.${kind}`);
      if (session === undefined) refuse(ProtocolErrorCode.InvalidRequest, sessions.length === 0 ? 'no client is connected' : `${sessions.length} clients are connected and the request does not say which one it is for`);
      const target = session as Server;
      if (target.getClientCapabilities()?.[kind] === undefined) refuse(ProtocolErrorCode.MethodNotFound, `the client does not support ${kind}`);
      const forwarded = kind === 'elicitation' ? labelled(server, params) : params;
      try {
        const result = await target.request({ method, params: forwarded }, ANY_OBJECT, { signal }); // the upstream's SDK validates it
        deps.sink.record({ ...base, decision: 'allow', rule: `serverRequests.${kind}`, latencyMs: performance.now() - started, resultSize: JSON.stringify(result).length });
        return result;
      } catch (err) {
        deps.sink.record({ ...base, decision: 'error', error: (err as Error).message, latencyMs: performance.now() - started });
        throw err;
      }
    },
  };
}
