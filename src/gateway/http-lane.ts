/**
 * @module gateway/http-lane
 * The HTTP counterpart of the call lane: a tool call POSTed on an established 2025-era session is
 * run straight through the pipeline and answered with one `application/json` response (which the
 * streamable HTTP transport allows for any POST). Anything else, and every request that is not
 * exactly the plain case (another method, a batch, an unknown session, headers the SDK would
 * refuse, a task-augmented call, a progress token or a call the policy will ask a human about,
 * both of which need a response stream), goes to the SDK transport with its body replayed, so every error and every
 * streamed exchange stays the SDK's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { SUPPORTED_PROTOCOL_VERSIONS, type AuthInfo, type Server } from '@modelcontextprotocol/server';
import { legacyApprovalChannel } from './approval-channel.js';
import { answerToolCall, ClientGone, type CallAnswer } from './call-lane.js';
import { clientIdentity, type ConnectionInfo, type Gateway } from './gateway.js';

/** A 2025-era HTTP session: the SDK server instance serving it and its connection info. */
export interface HttpSession {
  server: Server;
  conn: ConnectionInfo;
}

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const header = (req: IncomingMessage, name: string): string => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/** Reads a request body up to `maxBytes`; undefined when it is larger. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  if (Number(header(req, 'content-length')) > maxBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request as the SDK's Node adapter reads it, with the already-consumed body replayed. */
export function replayed(req: IncomingMessage, body: string): IncomingMessage {
  const copy = Readable.from(body.length > 0 ? [Buffer.from(body)] : []) as Readable & Partial<IncomingMessage>;
  return Object.assign(copy, { method: req.method, url: req.url, headers: req.headers, auth: (req as IncomingMessage & { auth?: AuthInfo }).auth }) as unknown as IncomingMessage;
}

export class HttpCallLane {
  constructor(
    private readonly gateway: Gateway,
    private readonly sessions: ReadonlyMap<string, HttpSession>,
  ) {}

  /** Answers the request if it is a plain tool call on a known 2025-era session; false leaves it to the SDK. */
  tryHandle(req: IncomingMessage, res: ServerResponse, body: string, auth: AuthInfo | undefined): boolean {
    const sid = header(req, 'mcp-session-id');
    const session = sid ? this.sessions.get(sid) : undefined;
    if (!session) return false;
    const info = session.server.getClientVersion();
    if (!info) return false;
    const accept = header(req, 'accept');
    if (!accept.includes('application/json') || !accept.includes('text/event-stream') || !header(req, 'content-type').includes('application/json')) return false;
    const version = header(req, 'mcp-protocol-version');
    if (version && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return false;
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return false;
    }
    if (!isObject(message) || message['jsonrpc'] !== '2.0' || message['method'] !== 'tools/call' || !isObject(message['params'])) return false;
    const id = message['id'];
    if (typeof id !== 'string' && typeof id !== 'number') return false;
    const params = message['params'];
    if ((isObject(params['_meta']) && params['_meta']['progressToken'] !== undefined) || params['task'] !== undefined) return false;
    const { client, canElicit } = clientIdentity(session.conn, info, session.server.getClientCapabilities(), auth);
    if (typeof params['name'] === 'string' && this.gateway.asksApproval(params['name'], params['arguments'], client)) return false;

    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new ClientGone('the client disconnected'));
    });
    const server = session.server;
    const origin = {
      client,
      signal: controller.signal,
      controller,
      // Kept for a policy reloaded to `ask` after the check above: the SDK sends it on the session's GET stream.
      approval: legacyApprovalChannel((p, o) => server.elicitInput(p, o), canElicit, `elicitation:${client.principal ?? client.name}`),
      progress: () => undefined,
    };
    void answerToolCall(this.gateway, params, origin).then((answer) => this.respond(res, sid, id, answer));
    return true;
  }

  private respond(res: ServerResponse, sid: string, id: string | number, answer: CallAnswer | undefined): void {
    if (answer === undefined || res.destroyed) return; // the client went away: nothing to answer
    const body = JSON.stringify({ jsonrpc: '2.0', id, ...('result' in answer ? { result: answer.result } : { error: answer.error }) });
    res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': sid, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }
}
