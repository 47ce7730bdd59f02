/**
 * @module app/gateway-runtime
 * Wires a running gateway: policy (hot reloaded), lockfile (reloaded when it changes), audit
 * writer, terminal approver, the Gateway itself, and the stdio and/or HTTP fronts. `close()` stops
 * in order: fronts, in-flight calls (given a grace period, then aborted and audited), upstreams,
 * and finally a synchronous audit flush, so nothing recorded is lost on SIGTERM.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { useLineReader } from '../mcp/line-reader.js';
import { TerminalPrompter } from '../gateway/approval/terminal.js';
import type { UpstreamSpec } from '../gateway/config.js';
import { Gateway } from '../gateway/gateway.js';
import { LockfileVerifier } from '../gateway/lockfile-verifier.js';
import type { TerminalApprover } from '../gateway/middleware/approval/index.js';
import type { ResultScanner } from '../gateway/middleware/output-scan/index.js';
import type { PinMode } from '../gateway/pins.js';
import { httpSecurity } from '../gateway/http-security.js';
import { serveHttp, type HttpFront, type HttpFrontOptions } from '../gateway/serve-http.js';
import { serveGatewayStdio } from '../gateway/serve-stdio.js';
import type { SandboxWrapper } from '../gateway/upstream/connect.js';
import { PolicyHolder } from '../policy/index.js';
import { AuditWriter } from '../store/audit-writer.js';
import { releaseYoungGeneration } from '../gateway/young-generation.js';

export interface RuntimeOptions {
  upstreams: UpstreamSpec[];
  namespaced: boolean;
  separator: string;
  policyFile?: string;
  lockfile?: string;
  /** Default: enforce when the lockfile exists, else off. */
  pinning?: PinMode;
  auditDb?: string;
  auditJsonl?: string;
  stdio?: { input: Readable; output: Writable };
  http?: Omit<HttpFrontOptions, 'log'>;
  connectTimeoutMs: number;
  maxMessageBytes: number;
  maxInFlight: number;
  scanner: ResultScanner;
  sandbox?: SandboxWrapper;
  terminal?: TerminalApprover;
  /** Diagnostics: never stdout (it may carry the protocol). */
  log: (message: string) => void;
}

export interface GatewayRuntime {
  gateway: Gateway;
  http?: HttpFront;
  audit: AuditWriter | undefined;
  /** Resolves when the stdio client hung up (stdin closed). */
  stdioClosed: Promise<void>;
  /** Re-reads the policy and the lockfile now (SIGHUP). */
  reload(): void;
  close(graceMs?: number): Promise<void>;
}

export async function startGatewayRuntime(o: RuntimeOptions): Promise<GatewayRuntime> {
  // Refuse an unsafe HTTP front (beyond loopback without a token) before any upstream is started.
  if (o.http) httpSecurity(o.http);
  const policy = new PolicyHolder(o.policyFile);
  if (o.policyFile) policy.watch();

  let verifier: LockfileVerifier | undefined;
  let pinning: PinMode = o.pinning ?? 'off';
  if (o.lockfile) {
    verifier = new LockfileVerifier(o.lockfile);
    if (o.pinning === undefined) pinning = verifier.present ? 'enforce' : 'off';
    if (!verifier.present && pinning !== 'off') o.log(`pinning: ${o.lockfile} does not exist yet; every tool counts as unpinned`);
    else if (!verifier.present) o.log(`pinning: off (${o.lockfile} not found)`);
  }

  const audit = o.auditDb || o.auditJsonl ? new AuditWriter({ ...(o.auditDb ? { dbPath: o.auditDb } : {}), ...(o.auditJsonl ? { jsonlPath: o.auditJsonl } : {}), thread: true, onError: (e) => o.log(`audit: ${e.message}`) }) : undefined;
  const sink = audit ?? { record: () => undefined };

  const gateway = new Gateway({
    upstreams: o.upstreams,
    namespaced: o.namespaced,
    separator: o.separator,
    policy,
    pins: { ...(verifier ? { verifier } : {}), mode: pinning },
    sink,
    scanner: o.scanner,
    terminal: o.terminal ?? new TerminalPrompter(),
    connectTimeoutMs: o.connectTimeoutMs,
    maxMessageBytes: o.maxMessageBytes,
    maxInFlight: o.maxInFlight,
    ...(o.sandbox ? { sandbox: o.sandbox } : {}),
    log: o.log,
  });

  // A re-pin (`mcp-warden pin --update`) rewrites the lockfile atomically: watch the directory.
  let lockWatcher: FSWatcher | undefined;
  if (o.lockfile && verifier) {
    const name = basename(o.lockfile);
    let timer: NodeJS.Timeout | undefined;
    try {
      lockWatcher = watch(dirname(o.lockfile), { persistent: false }, (_e, changed) => {
        if (changed !== null && changed !== name) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (gateway.reloadPins()) o.log(`pinning: reloaded ${o.lockfile}`);
          else o.log(`pinning: ${o.lockfile} is invalid, keeping the previous pins: ${verifier?.lastError?.message ?? ''}`);
        }, 100);
        timer.unref();
      });
    } catch (err) {
      o.log(`pinning: cannot watch ${o.lockfile} for re-pins: ${(err as Error).message}`);
    }
  }

  // Once the upstreams have started (the client's handshake is not held up by it), prepare
  // large-result scanning; start-up is then over and the young generation may grow to its target
  // (held again first: the audit writer's worker thread put V8's growth factor back).
  void gateway.start().then(() =>
    setImmediate(() => {
      releaseYoungGeneration(false);
      o.scanner.warmUp?.();
      releaseYoungGeneration();
    }),
  );

  let stdioHandle: { close(): Promise<void> } | undefined;
  let stdioClosed: Promise<void> = new Promise(() => undefined);
  if (o.stdio) {
    const { input, output } = o.stdio;
    stdioClosed = new Promise((resolve) => {
      input.once('end', resolve);
      input.once('close', resolve);
    });
    const transport = new StdioServerTransport(input, output);
    useLineReader(transport);
    stdioHandle = serveGatewayStdio(gateway, transport, { transport: 'stdio', session: 'stdio', push: true }, (err) => o.log(`stdio: ${err.message}`));
  }

  let http: HttpFront | undefined;
  if (o.http) http = await serveHttp(gateway, { ...o.http, log: o.log });

  let closing: Promise<void> | undefined;
  return {
    gateway,
    ...(http ? { http } : {}),
    audit,
    stdioClosed,
    reload() {
      if (policy.reload()) o.log('policy: reload requested');
      if (verifier) gateway.reloadPins();
    },
    close(graceMs = 2000) {
      closing ??= (async () => {
        lockWatcher?.close();
        await gateway.shutdown(graceMs);
        await http?.close();
        await stdioHandle?.close().catch(() => undefined);
        await o.scanner.close?.();
        await audit?.dispose();
      })();
      return closing;
    },
  };
}
