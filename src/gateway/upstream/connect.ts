/**
 * @module gateway/upstream/connect
 * Opens the SDK client transport for one upstream: stdio (spawned with the SDK's safe environment
 * allowlist plus the configured env, never through a shell), streamable HTTP or SSE. HTTP bodies
 * are size-capped like the stdio read buffer, so a hostile server cannot exhaust memory with one
 * huge response.
 */
import type { Transport } from '@modelcontextprotocol/client';
import { SSEClientTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { useLineReader } from '../../mcp/line-reader.js';
import type { UpstreamSpec } from '../config.js';

/** A command line, possibly rewritten to run inside a sandbox. */
export interface LaunchCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

/** Rewrites a stdio upstream's command to run under OS isolation (see src/sandbox). */
export type SandboxWrapper = (spec: UpstreamSpec, launch: LaunchCommand) => Promise<LaunchCommand>;

export interface ConnectOptions {
  /** Largest single message accepted from the upstream, in bytes. */
  maxMessageBytes: number;
  sandbox?: SandboxWrapper;
}

/** A fetch that fails a response whose body grows beyond `maxBytes` instead of buffering it. */
export function sizeLimitedFetch(maxBytes: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new Error(`upstream response of ${declared} bytes exceeds the limit of ${maxBytes} bytes`);
    }
    if (!res.body) return res;
    let seen = 0;
    const limited = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new Error(`upstream response exceeds the limit of ${maxBytes} bytes`));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(limited, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

/** Opens (but does not start) the transport for `spec`. */
export async function openUpstreamTransport(spec: UpstreamSpec, options: ConnectOptions): Promise<Transport> {
  if (spec.transport === 'stdio') {
    let launch: LaunchCommand = { command: spec.command ?? '', args: spec.args, env: { ...getDefaultEnvironment(), ...spec.env }, ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}) };
    if (spec.sandbox.enabled && options.sandbox) launch = await options.sandbox(spec, launch);
    const transport = new StdioClientTransport({
      command: launch.command,
      args: launch.args,
      env: launch.env,
      ...(launch.cwd !== undefined ? { cwd: launch.cwd } : {}),
      stderr: 'inherit',
      maxBufferSize: options.maxMessageBytes,
    });
    useLineReader(transport);
    return transport;
  }
  const url = new URL(spec.url ?? '');
  const fetchLimited = sizeLimitedFetch(options.maxMessageBytes);
  const requestInit: RequestInit = { headers: spec.headers };
  if (spec.transport === 'sse') return new SSEClientTransport(url, { requestInit, fetch: fetchLimited });
  return new StreamableHTTPClientTransport(url, { requestInit, fetch: fetchLimited });
}
