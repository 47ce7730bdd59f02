/**
 * @module gateway/serve-stdio
 * Serves the gateway to one stdio(-like) client connection: the SDK's `serveStdio` owns the
 * session (era decision, handshake, listing, notifications) and the call lane answers 2025-era
 * tool calls on the hot path (see call-lane.ts). `wrap`, `gateway` over stdio and the tests all
 * connect clients through here, so they exercise the same path.
 */
import type { Transport } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { CallLane } from './call-lane.js';
import type { ConnectionInfo, Gateway } from './gateway.js';

export interface StdioConnection {
  lane: CallLane;
  close(): Promise<void>;
}

export function serveGatewayStdio(gateway: Gateway, transport: Transport, conn: ConnectionInfo, onerror?: (error: Error) => void): StdioConnection {
  const lane = new CallLane(transport, gateway, conn);
  const handle = serveStdio(
    (ctx) => {
      const server = gateway.createServer(conn, ctx.era);
      lane.attach(server, ctx.era);
      return server;
    },
    { transport: lane.transport, ...(onerror ? { onerror } : {}) },
  );
  return { lane, close: () => handle.close() };
}
