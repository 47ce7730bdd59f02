/**
 * @module gateway/http-modern-lane
 * The 2026-07-28 counterpart of the HTTP call lane. A stateless tool call is served by the SDK with
 * a fresh server instance, per-request transport and web streams for every request, which cost more
 * than all of mcp-warden's checks. This lane answers the plain case straight through the pipeline
 * with one `application/json` response, encoded as the SDK encodes it (`resultType`, the server's
 * identity in `_meta`, the same error codes).
 *
 * Only the plain case is taken: the SDK's own classifier must route the request to the modern era
 * as a `tools/call`, the Mcp-Method and Mcp-Name headers must spell the body's method and tool name
 * exactly, and the `_meta` envelope must hold nothing but a valid protocol version, client
 * capabilities and client information. Anything else (another method, a malformed or unusual
 * envelope, a progress token, a task, a call the policy will ask a human about, which needs the
 * SDK's `input_required` exchange) goes to the SDK, so every rejection and every streamed exchange
 * stays the SDK's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, classifyInboundRequest, PROTOCOL_VERSION_META_KEY, SERVER_INFO_META_KEY, specTypeSchemas, type AuthInfo, type StandardSchemaV1Sync } from '@modelcontextprotocol/server';
import { answerToolCall, ClientGone, type CallAnswer } from './call-lane.js';
import { clientIdentity, GATEWAY_INFO, type ConnectionInfo, type Gateway } from './gateway.js';
import { header, isObject } from './http-lane.js';

/** Protocol revisions served statelessly (the SDK's modern era) that this lane answers. */
export const MODERN_REVISIONS: readonly string[] = ['2026-07-28'];

/** Envelope keys of a plain request; any other key sends the request to the SDK. */
const PLAIN_ENVELOPE_KEYS = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_INFO_META_KEY, CLIENT_CAPABILITIES_META_KEY]);
/** Client capabilities the 2026-07-28 envelope defines. */
const MODERN_CAPABILITIES = new Set(['experimental', 'sampling', 'elicitation', 'roots', 'extensions']);

type ClientInfo = { name?: string; version?: string };

const conforms = <T>(schema: StandardSchemaV1Sync<T>, value: unknown): boolean => schema['~standard'].validate(value).issues === undefined;

/** The envelope's client information and capabilities when it is plainly valid; undefined sends the request to the SDK. */
function plainEnvelope(meta: unknown, revision: string): { info: ClientInfo | undefined; caps: Record<string, unknown> } | undefined {
  if (!isObject(meta) || meta[PROTOCOL_VERSION_META_KEY] !== revision) return undefined;
  for (const key of Object.keys(meta)) if (!PLAIN_ENVELOPE_KEYS.has(key)) return undefined;
  const caps = meta[CLIENT_CAPABILITIES_META_KEY];
  if (!isObject(caps) || Object.keys(caps).some((k) => !MODERN_CAPABILITIES.has(k)) || !conforms(specTypeSchemas.ClientCapabilities, caps)) return undefined;
  const info = meta[CLIENT_INFO_META_KEY];
  if (info !== undefined && !conforms(specTypeSchemas.Implementation, info)) return undefined;
  return { info: info as ClientInfo | undefined, caps };
}

/** A tool result as the SDK encodes it on 2026-07-28: `resultType` stamped, the server's identity in `_meta`. */
export function encodeModernResult(result: Record<string, unknown>): Record<string, unknown> | undefined {
  const type = result['resultType'];
  // Any other result type of a call (input_required) belongs to the SDK's exchange, which the lane never starts.
  if (type !== undefined && type !== 'complete') return undefined;
  const stamped = type === undefined ? { ...result, resultType: 'complete' } : result;
  const meta = stamped['_meta'];
  if (meta === undefined) return { ...stamped, _meta: { [SERVER_INFO_META_KEY]: GATEWAY_INFO } };
  if (!isObject(meta) || meta[SERVER_INFO_META_KEY] !== undefined) return stamped;
  return { ...stamped, _meta: { ...meta, [SERVER_INFO_META_KEY]: GATEWAY_INFO } };
}

export class ModernCallLane {
  constructor(
    private readonly gateway: Gateway,
    /** A fresh connection record per request, numbered with the front's other sessions. */
    private readonly connection: () => ConnectionInfo,
  ) {}

  /** Answers the request if it is a plain 2026-07-28 tool call; false leaves it to the SDK. */
  tryHandle(req: IncomingMessage, res: ServerResponse, body: string, auth: AuthInfo | undefined): boolean {
    const version = header(req, 'mcp-protocol-version');
    if (!MODERN_REVISIONS.includes(version) || header(req, 'mcp-method') !== 'tools/call') return false;
    const accept = header(req, 'accept');
    if (!accept.includes('application/json') || !accept.includes('text/event-stream') || !header(req, 'content-type').includes('application/json')) return false;
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return false;
    }
    if (!isObject(message) || !isObject(message['params'])) return false;
    const params = message['params'];
    const name = params['name'];
    if (typeof name !== 'string' || header(req, 'mcp-name') !== name || params['task'] !== undefined) return false;
    const route = classifyInboundRequest({ httpMethod: 'POST', body: message, protocolVersionHeader: version, mcpMethodHeader: 'tools/call', mcpNameHeader: name });
    if (route.kind !== 'modern' || route.messageKind !== 'request' || route.classification.revision !== version) return false;
    const id = message['id'];
    if (typeof id !== 'string' && typeof id !== 'number') return false;
    const envelope = plainEnvelope(params['_meta'], version);
    if (envelope === undefined) return false;
    const { client } = clientIdentity(this.connection(), envelope.info, envelope.caps, auth);
    if (this.gateway.asksApproval(name, params['arguments'], client)) return false;

    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new ClientGone('the client disconnected'));
    });
    // The envelope is the SDK's to read, not the tool's: the SDK path hands handlers params without it.
    const { _meta: _envelope, ...callParams } = params;
    // A policy reloaded to `ask` after the check above has no channel here: the approval step denies it.
    const origin = { client, signal: controller.signal, controller, approval: undefined, progress: () => undefined };
    void answerToolCall(this.gateway, callParams, origin).then((answer) => respond(res, id, answer));
    return true;
  }
}

function respond(res: ServerResponse, id: string | number, answer: CallAnswer | undefined): void {
  if (answer === undefined || res.destroyed) return; // the client went away: nothing to answer
  let payload: Record<string, unknown>;
  if ('result' in answer) {
    const result = encodeModernResult(answer.result);
    payload = result ? { result, jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, error: { code: -32603, message: 'Handler for tools/call returned a result type this lane does not serve' } };
  } else payload = { jsonrpc: '2.0', id, error: answer.error };
  const text = JSON.stringify(payload);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
