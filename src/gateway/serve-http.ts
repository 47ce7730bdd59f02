/**
 * @module gateway/serve-http
 * Serves the gateway over streamable HTTP on one path. 2026-07-28 requests go to the SDK's
 * per-request handler; 2025-era clients get sessionful streamable HTTP (so they can receive
 * list_changed, logging and elicitation). Every request passes http-security first; the client's
 * Authorization header is consumed here and never reaches MCP handlers, so it cannot be passed on
 * to any upstream.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport, type AuthInfo } from '@modelcontextprotocol/server';
import type { Gateway } from './gateway.js';
import { httpSecurity, type HttpSecurityOptions } from './http-security.js';
import { HttpCallLane, readBody, replayed, type HttpSession } from './http-lane.js';
import { ModernCallLane } from './http-modern-lane.js';

export interface HttpFrontOptions extends HttpSecurityOptions {
  port: number;
  /** Most concurrent 2025-era sessions. */
  maxSessions?: number;
  log?: (message: string) => void;
}

export interface HttpFront {
  url: string;
  port: number;
  close(): Promise<void>;
}

function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export async function serveHttp(gateway: Gateway, options: HttpFrontOptions): Promise<HttpFront> {
  const check = httpSecurity(options);
  const log = options.log ?? (() => undefined);
  const maxSessions = options.maxSessions ?? 1000;
  let counter = 0;

  const modern = createMcpHandler((ctx) => gateway.createServer({ transport: 'http', session: `http-${++counter}`, push: false }, ctx.era), {
    legacy: 'reject',
    maxRequestBodySize: options.maxBodyBytes,
    onerror: (err) => log(`http: ${err.message}`),
  });
  gateway.addNotifier(modern.notify);

  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();
  /** The SDK server instance of each 2025-era session, for the call lane. */
  const servers = new Map<string, HttpSession>();
  const lane = new HttpCallLane(gateway, servers);
  const modernLane = new ModernCallLane(gateway, () => ({ transport: 'http', session: `http-${++counter}`, push: false }));
  const legacy = async (request: Request, authInfo: AuthInfo | undefined): Promise<Response> => {
    const sid = request.headers.get('mcp-session-id');
    if (sid !== null) {
      const t = sessions.get(sid);
      return t ? t.handleRequest(request, authInfo ? { authInfo } : {}) : jsonError(404, 'Session not found');
    }
    if (request.method !== 'POST') return jsonError(400, 'Bad Request: Mcp-Session-Id header is required');
    if (sessions.size >= maxSessions) return jsonError(503, 'Too many sessions');
    const conn = { transport: 'http', session: `http-${++counter}`, push: true } as const;
    const server = gateway.createServer(conn, 'legacy');
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
        servers.set(id, { server, conn });
      },
      onsessionclosed: (id) => {
        sessions.delete(id);
        servers.delete(id);
      },
      maxRequestBodySize: options.maxBodyBytes,
    });
    transport.onclose = () => {
      if (transport.sessionId) {
        sessions.delete(transport.sessionId);
        servers.delete(transport.sessionId);
      }
    };
    await server.connect(transport);
    const res = await transport.handleRequest(request, authInfo ? { authInfo } : {});
    if (transport.sessionId === undefined) await server.close(); // not an initialize: nothing to keep
    return res;
  };

  const node = toNodeHandler(
    {
      fetch: async (request, opts) => {
        const authInfo = opts?.authInfo;
        if (request.method === 'POST' && !(await isLegacyRequest(request, undefined, { maxRequestBodySize: options.maxBodyBytes }))) return modern.fetch(request, authInfo ? { authInfo } : {});
        return legacy(request, authInfo);
      },
    },
    { maxRequestBodySize: options.maxBodyBytes, onerror: (err) => log(`http: ${err.message}`) },
  );

  const http: HttpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    const verdict = check(req);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'application/json', ...verdict.headers });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: verdict.message }, id: null }));
      return;
    }
    // The client's credential stops here: MCP handlers (and so upstreams) only ever see its name.
    delete req.headers['authorization'];
    const auth: AuthInfo = { token: '', clientId: verdict.principal ?? '', scopes: [], extra: { address: req.socket.remoteAddress ?? '' } };
    (req as IncomingMessage & { auth?: AuthInfo }).auth = auth;
    const failed = (err: unknown) => {
      log(`http: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (req.method !== 'POST') {
      node(req, res).catch(failed);
      return;
    }
    // POST bodies are read here once: a plain tool call (on a 2025 session, or a 2026-07-28 request) is answered by a call lane, the rest replayed to the SDK.
    readBody(req, options.maxBodyBytes).then((body) => {
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: `Payload Too Large: Request body must not exceed ${options.maxBodyBytes} bytes` }, id: null }));
        return;
      }
      if (!lane.tryHandle(req, res, body, auth) && !modernLane.tryHandle(req, res, body, auth)) return node(replayed(req, body), res);
      return undefined;
    }).catch(failed);
  });
  http.requestTimeout = 0; // long-lived SSE streams and slow tools are bounded by call timeouts instead
  http.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // A deep accept backlog: a burst of new connections (many calls at once) must queue, not be reset.
    http.listen({ port: options.port, host: options.host, backlog: 4096 }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostPart}:${port}${options.path}`,
    port,
    async close() {
      await modern.close().catch(() => undefined);
      for (const t of sessions.values()) await t.close().catch(() => undefined);
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
