/**
 * @module cli/live-flags
 * The flags of live inspection, shared by `scan --live` and `inspect`: declared once, parsed into
 * LiveOptions once. Also the terminal consent prompt and the --verbose stderr dump.
 */
import { createInterface } from 'node:readline/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { LiveOptions, ScopedHeader, ServerLog } from '../app/inspect.js';
import { PROTOCOL_MODES, type ProtocolMode } from '../mcp/protocol.js';
import type { ConsentPrompt } from '../mcp/consent.js';
import type { LiveLimits } from '../mcp/limits.js';
import { WardenError, WardenErrorCode } from '../model/errors.js';
import { collect } from './options.js';

export interface LiveFlags {
  yes: boolean;
  allowServer: string[];
  sandbox: boolean;
  sandboxAllowHost: string[];
  saveInventory?: string;
  identifyAs: string[];
  header: string[];
  bearerEnv: string[];
  connectTimeout?: number;
  requestTimeout?: number;
  maxResponseBytes?: number;
  maxPages?: number;
  maxItems?: number;
  protocol: ProtocolMode;
}

/** `30`, `30s`, `500ms`, `2m` -> milliseconds. A bare number is seconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 30s, 500ms or 2m');
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms <= 0) throw new InvalidArgumentError('must be more than zero');
  return Math.round(ms);
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function parseProtocol(value: string): ProtocolMode {
  if ((PROTOCOL_MODES as readonly string[]).includes(value)) return value as ProtocolMode;
  throw new InvalidArgumentError(`expected one of ${PROTOCOL_MODES.join(', ')}`);
}

/**
 * `[server=]Name: value`. A scope prefix is recognised when the text before the first colon holds
 * an `=` (header names cannot), so `Authorization: Basic YWI=` stays unscoped.
 */
export function parseHeader(raw: string): ScopedHeader {
  const colon = raw.indexOf(':');
  if (colon <= 0) throw new WardenError(WardenErrorCode.Usage, `--header ${JSON.stringify(raw)}: expected "Name: value" or "server=Name: value"`);
  let head = raw.slice(0, colon);
  let server: string | undefined;
  const eq = head.indexOf('=');
  if (eq >= 0) {
    server = head.slice(0, eq).trim();
    head = head.slice(eq + 1);
  }
  const name = head.trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new WardenError(WardenErrorCode.Usage, `--header: ${JSON.stringify(name)} is not a valid header name`);
  return { ...(server ? { server } : {}), name, value: raw.slice(colon + 1).trim() };
}

/** `[server=]VAR` -> an Authorization: Bearer header whose value is read from $VAR. */
export function parseBearerEnv(raw: string): ScopedHeader {
  const eq = raw.indexOf('=');
  const server = eq >= 0 ? raw.slice(0, eq).trim() : undefined;
  const variable = (eq >= 0 ? raw.slice(eq + 1) : raw).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new WardenError(WardenErrorCode.Usage, `--bearer-env: ${JSON.stringify(variable)} is not an environment variable name`);
  return { ...(server ? { server } : {}), name: 'Authorization', value: `Bearer \${${variable}}` };
}

/** Declares the live-inspection flags on `cmd`. */
export function addLiveFlags(cmd: Command): Command {
  return cmd
    .option('-y, --yes', 'consent to starting every local (stdio) server without asking', false)
    .option('--allow-server <name>', 'consent to starting this local server; repeatable', collect, [])
    .option('--no-sandbox', 'run local servers WITHOUT OS isolation (printed in the report)')
    .option('--sandbox-allow-host <host>', 'let sandboxed servers reach this host too (default: package registries only); repeatable', collect, [])
    .option('--save-inventory <file>', 'write what the servers advertise as an inventory file (kept: <file>.bak)')
    .option('--identify-as <clients>', 'connect once per client identity (claude-code, cursor, vscode, ...) and report tools that differ; repeatable or comma-separated', collect, [])
    .option('--header <header>', "send a header to remote servers: 'Name: value' (inspect) or 'server=Name: value'; ${VAR} is read from the environment; repeatable", collect, [])
    .option('--bearer-env <var>', 'send Authorization: Bearer $VAR (or server=VAR to scope it); repeatable', collect, [])
    .addOption(new Option('--connect-timeout <duration>', 'connect timeout (default: 60s for npx/uvx/pipx/docker launches, 15s otherwise)').argParser(parseDuration))
    .addOption(new Option('--request-timeout <duration>', 'timeout of each request after connecting (default: 30s)').argParser(parseDuration))
    .addOption(new Option('--max-response-bytes <n>', 'largest response accepted from a server (default: 8 MiB)').argParser(parsePositiveInt))
    .addOption(new Option('--max-pages <n>', 'pages followed per list before cutting off (default: 100)').argParser(parsePositiveInt))
    .addOption(new Option('--max-items <n>', 'tools (prompts, resources) accepted per list (default: 2000)').argParser(parsePositiveInt))
    .addOption(new Option('--protocol <mode>', 'protocol revisions: auto (2026-07-28, else 2025), legacy (2025 only) or 2026-07-28').default('auto').argParser(parseProtocol));
}

/** Asks on the terminal (stderr), when stdin and stderr are both a TTY; otherwise there is no prompt. */
export function terminalPrompt(): ConsentPrompt | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (text) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${text}\nStart it? [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

/**
 * Builds LiveOptions (minus home/env) from flags. `singleServer`: unscoped --header and --bearer-env
 * are allowed (inspect of one server); in a scan every header must name its server, so a token is
 * never sent to a server it was not meant for.
 */
export function liveOptionsFrom(flags: LiveFlags, opts: { singleServer: boolean; prompt?: ConsentPrompt }): Omit<LiveOptions, 'home' | 'env' | 'hideFiles'> {
  const headers = [...flags.header.map(parseHeader), ...flags.bearerEnv.map(parseBearerEnv)];
  if (!opts.singleServer) {
    const unscoped = headers.find((h) => h.server === undefined);
    if (unscoped) {
      throw new WardenError(WardenErrorCode.Usage, `--header/--bearer-env ${unscoped.name} must name its server in a scan`, {
        hint: "write --header 'server-name=Authorization: Bearer ${TOKEN}' or --bearer-env server-name=TOKEN, so a credential only goes where it belongs",
      });
    }
  }
  const limits: Partial<LiveLimits> = {
    ...(flags.connectTimeout !== undefined ? { connectTimeoutOverrideMs: flags.connectTimeout } : {}),
    ...(flags.requestTimeout !== undefined ? { requestTimeoutMs: flags.requestTimeout } : {}),
    ...(flags.maxResponseBytes !== undefined ? { maxResponseBytes: flags.maxResponseBytes } : {}),
    ...(flags.maxPages !== undefined ? { maxPages: flags.maxPages } : {}),
    ...(flags.maxItems !== undefined ? { maxItems: flags.maxItems } : {}),
  };
  return {
    limits,
    protocol: flags.protocol,
    identities: flags.identifyAs,
    consent: { yes: flags.yes, allowServers: flags.allowServer, ...(opts.prompt ? { prompt: opts.prompt } : {}) },
    sandbox: { enabled: flags.sandbox, extraHosts: flags.sandboxAllowHost },
    headers,
  };
}

/** --verbose: each local server's stderr (bounded tail, secrets and the values passed to it redacted) on our stderr. */
export async function printServerLogs(logs: readonly ServerLog[], sensitive: readonly string[]): Promise<void> {
  const { redactDeep } = await import('../report/redact.js');
  for (const log of logs) {
    process.stderr.write(`--- stderr of ${log.server} (${log.client}) as ${log.identity} ---\n${redactDeep(log.stderr, sensitive).trimEnd()}\n`);
  }
}

/**
 * Ctrl-C (or SIGTERM) during live inspection: stop at once. Exiting runs the transports' exit hook,
 * which kills every server process group we started (the sandbox's own cleanup registers a SIGINT
 * listener too, which would otherwise keep us running). The scan is incomplete: exit 3.
 */
export function exitOnInterrupt(): void {
  const stop = (signal: string) => {
    process.stderr.write(`\nmcp-warden: ${signal}: stopping the servers it started; the scan is incomplete\n`);
    process.exit(3);
  };
  process.once('SIGINT', () => stop('interrupted'));
  process.once('SIGTERM', () => stop('terminated'));
}

/** Flags that only mean something with --live, for the "needs --live" usage error. */
export function liveOnlyFlagsUsed(flags: LiveFlags): string[] {
  const used: string[] = [];
  if (flags.saveInventory !== undefined) used.push('--save-inventory');
  if (flags.identifyAs.length > 0) used.push('--identify-as');
  if (flags.header.length > 0) used.push('--header');
  if (flags.bearerEnv.length > 0) used.push('--bearer-env');
  if (flags.allowServer.length > 0) used.push('--allow-server');
  if (!flags.sandbox) used.push('--no-sandbox');
  return used;
}
