import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import type { ClientOptions } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { Gateway, type GatewayOptions } from '../../src/gateway/gateway.js';
import { serveGatewayStdio } from '../../src/gateway/serve-stdio.js';
import { UpstreamClient } from '../../src/gateway/upstream/client.js';
import type { UpstreamSpec } from '../../src/gateway/config.js';
import { SandboxConfigSchema } from '../../src/gateway/config.js';
import type { ResultScanner } from '../../src/gateway/middleware/output-scan/index.js';
import { compilePolicy, parsePolicy, PolicyHolder } from '../../src/policy/index.js';
import { memorySink } from './helpers.js';

export const FIXTURE = fileURLToPath(new URL('../fixtures/gateway/upstream.mjs', import.meta.url));

export function stdioSpec(name: string, over: Partial<UpstreamSpec> = {}): UpstreamSpec {
  return {
    name,
    transport: 'stdio',
    command: process.execPath,
    args: [FIXTURE],
    env: { FIXTURE_NAME: name },
    headers: {},
    sandbox: SandboxConfigSchema.parse({ enabled: false }),
    timeoutMs: 10_000,
    protocol: 'legacy',
    ...over,
  };
}

/** A scanner that flags the fixture's injected instructions (stands in for the tool rules in unit-level tests). */
export const fixtureScanner: ResultScanner = {
  scan: (texts) => (texts.some((t) => /ignore all previous instructions/i.test(t)) ? [{ ruleId: 'tool/test-injection', severity: 'high', count: 1 }] : []),
};

export interface Harness {
  gateway: Gateway;
  sink: ReturnType<typeof memorySink>;
  policy: PolicyHolder;
  /** Connects a new SDK client over an in-memory pipe (one stdio-like connection). */
  /** `ordered`: use a client that keeps progress/response order (works around typescript-sdk #2580 on the client side). */
  connect(options?: ClientOptions, setup?: (c: Client) => void, ordered?: boolean): Promise<Client>;
  close(): Promise<void>;
}

export async function startGateway(init: { upstreams: UpstreamSpec[]; policy?: string; namespaced?: boolean } & Omit<Partial<GatewayOptions>, 'policy' | 'upstreams' | 'namespaced'>): Promise<Harness> {
  const sink = memorySink();
  const policy = new PolicyHolder(undefined, compilePolicy(parsePolicy(init.policy ?? 'version: 1\n', 'test-policy.yaml')));
  const { upstreams, namespaced, policy: _p, ...rest } = init;
  const gateway = new Gateway({
    upstreams,
    namespaced: namespaced ?? true,
    separator: '__',
    policy,
    sink,
    scanner: fixtureScanner,
    connectTimeoutMs: 120_000, // a safety net: a sandboxed upstream on a loaded machine can take long to start
    maxMessageBytes: 10 * 1024 * 1024,
    maxInFlight: 1024,
    backoff: { baseMs: 50, maxMs: 500 },
    ...rest,
  });
  await gateway.start();
  const closers: Array<() => Promise<void>> = [];
  let sessions = 0;
  return {
    gateway,
    sink,
    policy,
    async connect(options, setup, ordered) {
      const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
      const session = `test-${++sessions}`;
      const handle = serveGatewayStdio(gateway, serverSide, { transport: 'stdio', session, push: true });
      const client = new (ordered ? UpstreamClient : Client)({ name: 'test-client', version: '1.0.0' }, options);
      setup?.(client);
      await client.connect(clientSide);
      closers.push(async () => {
        await client.close().catch(() => undefined);
        await handle.close().catch(() => undefined);
      });
      return client;
    },
    async close() {
      for (const c of closers) await c();
      await gateway.shutdown(100);
    },
  };
}

export interface HttpFixture {
  url: string;
  /** What the fixture's HTTP server saw: the Authorization header of every request. */
  seen(): Promise<Array<{ authorization: string | null; url: string }>>;
  close(): void;
}

/** Starts the fixture server over streamable HTTP on 127.0.0.1 (ephemeral port). */
export async function startHttpFixture(name: string): Promise<HttpFixture> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [FIXTURE, '--http'], { env: { ...process.env, FIXTURE_NAME: name }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/mcp`,
    seen: async () => (await (await fetch(`${base}/seen`)).json()) as Array<{ authorization: string | null; url: string }>,
    close: () => void child.kill(),
  };
}

export function httpSpec(name: string, url: string, over: Partial<UpstreamSpec> = {}): UpstreamSpec {
  return { name, transport: 'http', url, args: [], env: {}, headers: {}, sandbox: SandboxConfigSchema.parse({ enabled: false }), timeoutMs: 10_000, protocol: 'legacy', ...over };
}
