/**
 * @module mcp/connect
 * Opens an MCP session with the official SDK over stdio, streamable HTTP or SSE (falling back to
 * SSE when a URL refuses streamable HTTP), under a connect deadline that kills the server's process
 * group when it passes. Failures come back as InspectFailure with a message naming the cause.
 */
import { basename } from 'node:path';
import { Client, SdkError, SdkErrorCode, SdkHttpError, SSEClientTransport, StreamableHTTPClientTransport, type Transport } from '@modelcontextprotocol/client';
import { InspectFailure, messageOf, withDeadline } from './errors.js';
import { boundedFetch, newHttpDiagnostics, type HttpDiagnostics } from './http-fetch.js';
import type { ClientIdentity } from './identities.js';
import { isSlowLauncher, type LiveLimits } from './limits.js';
import { ProcessTransport, type ProcessDiagnostics } from './process-transport.js';
import type { ProtocolMode } from './protocol.js';

export type { ProtocolMode } from './protocol.js';

export type StdioTarget = { kind: 'stdio'; command: string; args: readonly string[]; env: Record<string, string>; cwd?: string; label: string };
export type RemoteTarget = { kind: 'http' | 'sse'; url: string; headers: Record<string, string> };
export type Target = StdioTarget | RemoteTarget;


export interface ConnectSettings {
  identity: ClientIdentity;
  connectTimeoutMs: number;
  limits: LiveLimits;
  protocol: ProtocolMode;
}

export interface Session {
  client: Client;
  transportUsed: 'stdio' | 'http' | 'sse';
  /** Facts worth a note in the report (e.g. "fell back to SSE"). */
  notes: string[];
  process?: ProcessDiagnostics;
  http?: HttpDiagnostics;
  close(): Promise<void>;
}

/** Longest a silent `server/discover` probe may delay the 2025 handshake on stdio. */
const MAX_PROBE_MS = 5_000;

function newClient(settings: ConnectSettings, transport: 'stdio' | 'http'): Client {
  // On stdio a silent probe means a 2025-era server: give up on it early. On HTTP silence is an
  // outage, so the probe gets the whole connect budget.
  const probeMs = transport === 'stdio' ? Math.max(1, Math.min(MAX_PROBE_MS, Math.floor(settings.connectTimeoutMs / 3))) : settings.connectTimeoutMs;
  const client = new Client(
    { name: settings.identity.name, version: settings.identity.version },
    {
      capabilities: {},
      ...(settings.protocol === 'legacy'
        ? {}
        : {
            versionNegotiation: {
              mode: settings.protocol === 'auto' ? ('auto' as const) : { pin: settings.protocol },
              probe: { timeoutMs: probeMs },
            },
          }),
    },
  );
  // Server-side chatter (unknown response ids, log notifications) is not a failure of the scan.
  client.onerror = () => undefined;
  return client;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s` : `${ms}ms`;
}

function stderrHint(d: ProcessDiagnostics): string {
  const last = d.stderr.lastLine();
  return last ? `; last stderr line: ${JSON.stringify(last)}` : '';
}

function garbageHint(d: ProcessDiagnostics): string {
  if (d.stdoutBytes === 0 || d.messages > 0) return '';
  const sample = d.stdoutSample.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `; it wrote ${d.stdoutBytes} bytes of non-MCP output on stdout (${JSON.stringify(sample)})`;
}

/** Explains a failed stdio connect from what the process did. */
export function describeStdioFailure(err: unknown, d: ProcessDiagnostics, target: StdioTarget, settings: ConnectSettings): InspectFailure {
  if (err instanceof InspectFailure && err.kind !== 'timeout') return err;
  if (d.spawnError) {
    const code = d.spawnError.code;
    if (code === 'ENOENT') return new InspectFailure('connect', `command not found: ${target.label}`);
    return new InspectFailure('connect', `could not start ${target.label}: ${code ?? messageOf(d.spawnError)}`);
  }
  if (d.oversized) return new InspectFailure('limit', `sent a message over the ${settings.limits.maxResponseBytes}-byte limit; cut off${stderrHint(d)}`);
  if (err instanceof InspectFailure) return new InspectFailure('timeout', `${err.message}${garbageHint(d)}${stderrHint(d)}`);
  if (d.exitedOnItsOwn) {
    const how = d.signal ? `was killed by ${d.signal}` : d.exitCode === 127 ? 'exited with code 127 (command not found)' : `exited with code ${d.exitCode ?? '?'}`;
    return new InspectFailure('connect', `${how} before completing the MCP handshake${garbageHint(d)}${stderrHint(d)}`);
  }
  return new InspectFailure('protocol', `MCP handshake failed: ${messageOf(err)}${garbageHint(d)}${stderrHint(d)}`);
}

/** A first `npx -y` / `uvx` run installs before it serves: a timeout there may just need more time. */
function installHint(target: StdioTarget): string {
  return isSlowLauncher(target.label) ? `; ${basename(target.label)} may still have been installing the package (a first run can take a minute or more): raise --connect-timeout` : '';
}

/** Thrown when the server exited after the discovery probe and before it saw `initialize`. */
class ExitedOnProbe extends InspectFailure {}

async function connectStdioOnce(target: StdioTarget, settings: ConnectSettings): Promise<Session> {
  const transport = new ProcessTransport({
    command: target.command,
    args: target.args,
    env: target.env,
    ...(target.cwd !== undefined ? { cwd: target.cwd } : {}),
    maxMessageBytes: settings.limits.maxResponseBytes,
    maxStderrBytes: settings.limits.maxStderrBytes,
    killGraceMs: settings.limits.killGraceMs,
  });
  const client = newClient(settings, 'stdio');
  const ms = settings.connectTimeoutMs;
  try {
    await withDeadline(client.connect(transport, { timeout: ms }), ms, async () => {
      await transport.close();
      return new InspectFailure('timeout', `no MCP handshake within ${seconds(ms)} (connect timeout)${installHint(target)}`);
    });
  } catch (err) {
    await transport.close();
    const d = transport.diagnostics;
    const failure = describeStdioFailure(err, d, target, settings);
    failure.stderr = d.stderr.text();
    const onProbe = d.exitedOnItsOwn && d.sentMethods.includes('server/discover') && !d.sentMethods.includes('initialize');
    throw onProbe ? new ExitedOnProbe(failure.kind, failure.message, { stderr: failure.stderr }) : failure;
  }
  return {
    client,
    transportUsed: 'stdio',
    notes: [],
    process: transport.diagnostics,
    close: async () => {
      await client.close().catch(() => undefined);
      await transport.close();
    },
  };
}

/**
 * Starts a local server and completes the handshake. In `auto` mode a server that exits when it
 * sees the `server/discover` probe (some 2025-era SDKs do) is started once more with the plain
 * 2025 handshake.
 */
export async function connectStdio(target: StdioTarget, settings: ConnectSettings): Promise<Session> {
  try {
    return await connectStdioOnce(target, settings);
  } catch (err) {
    if (settings.protocol !== 'auto' || !(err instanceof ExitedOnProbe)) throw err;
    const session = await connectStdioOnce(target, { ...settings, protocol: 'legacy' });
    session.notes.push('the server exited on the 2026-07-28 discovery probe; connected with the 2025 handshake on a second start');
    return session;
  }
}

function httpStatusOf(err: unknown): number | undefined {
  if (err instanceof SdkHttpError) return err.status;
  const m = /\bHTTP (\d{3})\b/.exec(messageOf(err));
  return m ? Number(m[1]) : undefined;
}

const SDK_CODES = new Set<string>(Object.values(SdkErrorCode));

/** The first system error code (ECONNREFUSED, ENOTFOUND, ...) in the cause chain. */
function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z0-9_]+$/.test(code) && !SDK_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Explains a failed remote connect. */
export function describeRemoteFailure(err: unknown, d: HttpDiagnostics, url: string, settings: ConnectSettings): InspectFailure {
  if (err instanceof InspectFailure) return err;
  if (d.oversized) return new InspectFailure('limit', `a response from ${url} was over the ${settings.limits.maxResponseBytes}-byte limit; cut off`);
  const origin = new URL(url);
  const crossHost = d.redirects.find((r) => {
    try {
      return new URL(r.to).host !== origin.host;
    } catch {
      return true;
    }
  });
  if (crossHost) return new InspectFailure('connect', `redirected (HTTP ${crossHost.status}) to another host, ${crossHost.to}; not followed`);
  const status = httpStatusOf(err) ?? (d.lastStatus !== undefined && d.lastStatus >= 400 ? d.lastStatus : undefined);
  if (status === 401 || status === 403 || (err instanceof Error && err.name === 'UnauthorizedError')) {
    return new InspectFailure('connect', `requires authentication (HTTP ${status ?? 401})${d.authChallenge ? ` [${d.authChallenge}]` : ''}; pass credentials with --header or --bearer-env`);
  }
  const code = causeCode(err);
  if (code) return new InspectFailure('connect', `could not reach ${url}: ${code}`);
  if (status !== undefined) return new InspectFailure('connect', `${url} answered HTTP ${status}: ${messageOf(err)}`);
  if (err instanceof SdkError && err.code === SdkErrorCode.RequestTimeout) {
    return new InspectFailure('timeout', `no MCP handshake with ${url} within ${seconds(settings.connectTimeoutMs)} (connect timeout)`);
  }
  return new InspectFailure('protocol', `MCP handshake with ${url} failed: ${messageOf(err)}`);
}

/** Status codes with which a server says "I do not speak streamable HTTP here" (try SSE next). */
function refusesStreamableHttp(err: unknown, d: HttpDiagnostics): boolean {
  if (d.oversized) return false;
  const status = httpStatusOf(err) ?? d.lastStatus;
  if (status === 400 || status === 404 || status === 405 || status === 406 || status === 415) return true;
  return err instanceof SdkError && (err.code === SdkErrorCode.ClientHttpUnexpectedContent || err.code === SdkErrorCode.ClientHttpNotImplemented);
}

/** The URL answered, but not as a streamable HTTP endpoint: worth trying SSE. */
class StreamableHttpRefused extends InspectFailure {
  constructor(inner: InspectFailure) {
    super(inner.kind, inner.message);
  }
}

async function connectRemoteOnce(kind: 'http' | 'sse', target: RemoteTarget, settings: ConnectSettings): Promise<Session> {
  const diag = newHttpDiagnostics();
  const fetchImpl = boundedFetch(settings.limits.maxResponseBytes, diag);
  const url = new URL(target.url);
  const requestInit: RequestInit = { headers: { ...target.headers } };
  const transport: Transport =
    kind === 'http'
      ? new StreamableHTTPClientTransport(url, { fetch: fetchImpl, requestInit, reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 } })
      : new SSEClientTransport(url, { fetch: fetchImpl, requestInit });
  // A legacy SSE endpoint does not know server/discover: probing it only costs a round trip.
  const client = newClient(kind === 'sse' && settings.protocol === 'auto' ? { ...settings, protocol: 'legacy' } : settings, 'http');
  const ms = settings.connectTimeoutMs;
  try {
    await withDeadline(client.connect(transport, { timeout: ms }), ms, async () => {
      await transport.close().catch(() => undefined);
      return new InspectFailure('timeout', `no MCP handshake with ${target.url} within ${seconds(ms)} (connect timeout)`);
    });
  } catch (err) {
    await transport.close().catch(() => undefined);
    const failure = describeRemoteFailure(err, diag, target.url, settings);
    if (kind === 'http' && refusesStreamableHttp(err, diag)) throw new StreamableHttpRefused(failure);
    throw failure;
  }
  return {
    client,
    transportUsed: kind,
    notes: [],
    http: diag,
    close: async () => {
      await client.close().catch(() => undefined);
      await transport.close().catch(() => undefined);
    },
  };
}

/** Connects to a remote server: streamable HTTP, then SSE when the URL refuses it; SSE for `sse` entries. */
export async function connectRemote(target: RemoteTarget, settings: ConnectSettings): Promise<Session> {
  if (target.kind === 'sse') return connectRemoteOnce('sse', target, settings);
  try {
    return await connectRemoteOnce('http', target, settings);
  } catch (err) {
    if (!(err instanceof StreamableHttpRefused)) throw err;
    try {
      const session = await connectRemoteOnce('sse', target, settings);
      session.notes.push(`${target.url} refused streamable HTTP (${err.message}); connected with the legacy SSE transport`);
      return session;
    } catch (sseErr) {
      throw new InspectFailure(err.kind, `streamable HTTP: ${err.message}; SSE fallback: ${messageOf(sseErr)}`);
    }
  }
}
