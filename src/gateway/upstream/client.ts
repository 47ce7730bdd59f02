/**
 * @module gateway/upstream/client
 * The SDK client the gateway uses towards upstreams, with one fix: the SDK dispatches
 * notifications a microtask late but responses at once, so progress notifications that arrive in
 * the same read as the response are dropped as "unknown token" (typescript-sdk issue #2580).
 * Deferring responses by one microtask restores arrival order, so every progress update an
 * upstream sends before its result reaches the client.
 */
import { Client } from '@modelcontextprotocol/client';
import type { JSONRPCErrorResponse, JSONRPCResponse } from '@modelcontextprotocol/client';

export class UpstreamClient extends Client {
  protected override _onresponse(response: JSONRPCResponse | JSONRPCErrorResponse): void {
    queueMicrotask(() => super._onresponse(response));
  }
}
