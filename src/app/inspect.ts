/**
 * @module app/inspect
 * Live inspection use-case: for each declared server, plan the launch (placeholders), ask for
 * consent (local servers), start the sandbox, connect once per client identity, collect what the
 * server advertises, and judge the observations with the live rules. Used by `scan --live` and
 * `inspect`. Starts nothing without consent, never runs a server unsandboxed unless told to.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import canonicalize from 'canonicalize';
import { serverEntry, type Finding, type ScanError, type ScanReport, type ServerEntry, type ServerSnapshot, type Severity, type ToolDefinition } from '../model/index.js';
import { askConsent, type ConsentSettings } from '../mcp/consent.js';
import type { ProtocolMode, Target } from '../mcp/connect.js';
import type { InspectFailure } from '../mcp/errors.js';
import { resolveIdentities, wardenIdentity, type ClientIdentity } from '../mcp/identities.js';
import { inspectTarget, type TargetInspection } from '../mcp/inspect-target.js';
import { childEnvironment, missingSummary, planLaunch, type RemoteLaunch, type StdioLaunch } from '../mcp/launch.js';
import { connectTimeoutFor, DEFAULT_LIMITS, type LiveLimits } from '../mcp/limits.js';
import type { Env } from '../mcp/placeholders.js';
import { buildSandboxPolicy, describePolicy, type SandboxPolicy } from '../sandbox/policy.js';
import { configuredRegistries, type RegistrySettings } from '../sandbox/registries.js';
import { startSandbox, type SandboxSession, type SandboxStart } from '../sandbox/runtime.js';
import { configRules, liveRules } from '../rules/index.js';
import { runConfigRules } from '../rules/run-config.js';
import { redactReport, sensitiveValues } from '../report/index.js';
import { buildReport } from './build-report.js';
import type { IdentityDiff, LiveObservation } from '../rules/live/types.js';
import { runLiveRules } from '../rules/run-live.js';

/** A header to send to remote servers; `server` scopes it to one server name (undefined: all). */
export interface ScopedHeader {
  server?: string;
  name: string;
  /** May contain placeholders (`${TOKEN}`), resolved from the environment like config values. */
  value: string;
}

export interface LiveOptions {
  /** Home directory the servers see and the sandbox protects (the scan's --home). */
  home: string;
  /** Environment for placeholders and the child's safe defaults. */
  env: Env;
  limits?: Partial<LiveLimits>;
  protocol?: ProtocolMode;
  /** --identify-as values; default: mcp-warden's own identity. */
  identities?: readonly string[];
  consent: ConsentSettings;
  sandbox: {
    enabled: boolean;
    /** Hosts allowed besides the package registries. */
    extraHosts?: readonly string[];
    /** Replace the default package-registry hosts. */
    hosts?: readonly string[];
    bwrapPath?: string;
    /** The package registries the launchers use; default: read from npm's config and pip/uv variables. */
    registries?: RegistrySettings;
  };
  headers?: readonly ScopedHeader[];
  /** Config files hidden from sandboxed servers (the discovered client configs). */
  hideFiles?: readonly string[];
}

export interface ServerLog {
  server: string;
  client: string;
  identity: string;
  stderr: string;
}

export interface LiveOutcome {
  /** One per server that answered (first identity's view). */
  snapshots: ServerSnapshot[];
  /** Names of servers inspected without any error (complete snapshots). */
  completeServers: Set<string>;
  observations: LiveObservation[];
  findings: Finding[];
  errors: ScanError[];
  notes: string[];
  /** Captured stderr of local servers (bounded), for --verbose. */
  logs: ServerLog[];
  /**
   * Values that must never appear in output: what placeholders resolved to in sensitive-looking
   * env vars, headers, arguments and URLs (the declared text is covered by the scan already).
   */
  sensitive: string[];
}

const CREDENTIAL_NAME = /authorization|cookie|token|api[-_]?key|secret|session|password|passwd|credential|signature|\bkey\b|^x-api/i;

/** True when the request carries something that authenticates it. */
export function carriesCredentials(url: string, headers: Readonly<Record<string, string>>): boolean {
  if (Object.entries(headers).some(([k, v]) => v !== '' && CREDENTIAL_NAME.test(k))) return true;
  try {
    const u = new URL(url);
    if (u.username !== '' || u.password !== '') return true;
    for (const k of u.searchParams.keys()) if (CREDENTIAL_NAME.test(k)) return true;
  } catch {
    return false;
  }
  return false;
}

/** Compares the tools two identities were shown. */
export function diffTools(base: string, baseTools: readonly ToolDefinition[], other: string, otherTools: readonly ToolDefinition[]): IdentityDiff {
  const a = new Map(baseTools.map((t) => [t.name, canonicalize(t) ?? '']));
  const b = new Map(otherTools.map((t) => [t.name, canonicalize(t) ?? '']));
  return {
    base,
    other,
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
    removed: [...a.keys()].filter((n) => !b.has(n)).sort(),
    changed: [...b.keys()].filter((n) => a.has(n) && a.get(n) !== b.get(n)).sort(),
  };
}

function label(entry: ServerEntry): string {
  return `${entry.name} (${entry.client})`;
}

function scanError(entry: ServerEntry, kind: ScanError['kind'], message: string): ScanError {
  return { kind, source: entry.configFile, server: entry.name, client: entry.client, ...(entry.line !== undefined ? { line: entry.line } : {}), message: `${label(entry)}: ${message}` };
}

function withHeaders(entry: ServerEntry, headers: readonly ScopedHeader[]): ServerEntry {
  const mine = headers.filter((h) => h.server === undefined || h.server === entry.name);
  if (mine.length === 0 || entry.transport === 'stdio') return entry;
  const merged = { ...entry.headers };
  for (const h of mine) {
    for (const k of Object.keys(merged)) if (k.toLowerCase() === h.name.toLowerCase()) delete merged[k];
    merged[h.name] = h.value;
  }
  return { ...entry, headers: merged };
}

/** Package caches that do not exist cannot be made writable: point the launcher at the temp dir instead. */
function cacheFallbacks(home: string, tempDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(join(home, '.npm'))) out['npm_config_cache'] = join(tempDir, 'npm-cache');
  if (!existsSync(join(home, '.cache', 'uv'))) out['UV_CACHE_DIR'] = join(tempDir, 'uv-cache');
  if (!existsSync(join(home, '.cache', 'pip'))) out['PIP_CACHE_DIR'] = join(tempDir, 'pip-cache');
  return out;
}

/** Writes the registry-only .npmrc for one sandboxed server; the variable that points npm at it. */
async function npmUserconfig(serverTemp: string, registries: RegistrySettings): Promise<Record<string, string>> {
  if (registries.npmrc === '') return {};
  const file = join(serverTemp, '.npmrc');
  await writeFile(file, registries.npmrc, { mode: 0o600 });
  return { npm_config_userconfig: file };
}

function snapshotOf(entry: ServerEntry, launch: StdioLaunch | RemoteLaunch, r: Extract<TargetInspection, { ok: true }>): ServerSnapshot {
  const a = r.advertised;
  return {
    name: entry.name,
    source: 'live',
    entry: { client: entry.client, configFile: entry.configFile, ...(entry.line !== undefined ? { line: entry.line } : {}) },
    launch: launch.kind === 'stdio' ? [launch.command, ...launch.args].join(' ') : launch.url,
    ...(a.serverInfo ? { serverInfo: a.serverInfo } : {}),
    ...(a.protocolVersion ? { protocolVersion: a.protocolVersion } : {}),
    ...(a.capabilities ? { capabilities: a.capabilities } : {}),
    ...(a.instructions !== undefined ? { instructions: a.instructions } : {}),
    tools: a.tools,
    prompts: a.prompts,
    resources: a.resources,
    resourceTemplates: a.resourceTemplates,
    capturedAt: new Date().toISOString(),
    transport: r.transportUsed,
  };
}

/** Lazily started sandbox shared by every local server of one run. */
class SandboxHolder {
  private start?: Promise<SandboxStart>;
  readonly policy: SandboxPolicy;
  constructor(private readonly opts: LiveOptions, tempRoot: string, registries: RegistrySettings) {
    this.policy = buildSandboxPolicy({
      home: opts.home,
      tempDir: tempRoot,
      extraHosts: [...registries.hosts, ...(opts.sandbox.extraHosts ?? [])],
      ...(opts.sandbox.hosts ? { hosts: opts.sandbox.hosts } : {}),
      extraDenyRead: (opts.hideFiles ?? []).filter((f) => isAbsolute(f)),
    });
  }

  /** Starts the sandbox on first use (after the first consent), then hands out the same session. */
  get(): Promise<SandboxStart> {
    this.start ??= startSandbox(this.policy, this.opts.sandbox.bwrapPath !== undefined ? { bwrapPath: this.opts.sandbox.bwrapPath } : {});
    return this.start;
  }

  async dispose(): Promise<void> {
    if (!this.start) return;
    const s = await this.start;
    if (s.ok) await s.session.dispose();
  }
}

interface Attempt {
  identity: ClientIdentity;
  result: TargetInspection;
}

/** Inspects every entry, one after the other. Never throws for a server's sake. */
export async function inspectLive(entries: readonly ServerEntry[], opts: LiveOptions): Promise<LiveOutcome> {
  const limits: LiveLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const identities = opts.identities && opts.identities.length > 0 ? resolveIdentities(opts.identities) : [wardenIdentity()];
  const out: LiveOutcome = { snapshots: [], completeServers: new Set(), observations: [], findings: [], errors: [], notes: [], logs: [], sensitive: [] };
  const tempRoot = await mkdtemp(join(tmpdir(), 'mcp-warden-live-'));
  // The sandbox hides ~/.npmrc (tokens): the registry settings travel separately, without credentials.
  const registries = opts.sandbox.enabled ? (opts.sandbox.registries ?? configuredRegistries({ home: opts.home, env: opts.env })) : { hosts: [], env: {}, npmrc: '', notes: [] };
  const sandbox = new SandboxHolder(opts, tempRoot, registries);
  let sandboxReason: string | undefined;
  let disabled = 0;
  let launchedLocal = 0;
  try {
    for (const declared of entries) {
      if (declared.disabled) {
        disabled++;
        continue;
      }
      const entry = withHeaders(declared, opts.headers ?? []);
      const plan = planLaunch(entry, opts.env);
      if (!plan.ok) {
        out.errors.push(scanError(entry, 'skipped', `not inspected: ${plan.reason}`));
        continue;
      }
      const launch = plan.launch;
      out.sensitive.push(
        ...sensitiveValues([
          entry,
          launch.kind === 'stdio' ? { ...entry, command: launch.command, args: launch.args, env: launch.env } : { ...entry, url: launch.url, headers: launch.headers },
        ]),
      );
      if (launch.missing.length > 0) out.notes.push(`${label(entry)}: ${missingSummary(launch.missing)}`);

      const attempts: Attempt[] = [];
      if (launch.kind === 'stdio') {
        const serverTemp = await mkdtemp(join(tempRoot, 'server-'));
        const cwd = launch.cwd ?? serverTemp;
        // In the sandbox the network is a proxy announced in HTTP(S)_PROXY; Node >= 22.21 honours it for fetch() only when asked.
        const sandboxExtra = opts.sandbox.enabled ? { ...cacheFallbacks(opts.home, serverTemp), NODE_USE_ENV_PROXY: '1', ...registries.env, ...(await npmUserconfig(serverTemp, registries)) } : {};
        const extra: Record<string, string> = { HOME: opts.home, TMPDIR: serverTemp, ...sandboxExtra };
        const env = childEnvironment(launch.env, opts.env, extra);
        const policyLine = opts.sandbox.enabled ? `on (${describePolicy(sandbox.policy)})` : 'OFF (--no-sandbox): it can read and write anything you can';
        const consent = await askConsent(
          {
            server: entry.name,
            client: entry.client,
            configFile: entry.configFile,
            ...(entry.line !== undefined ? { line: entry.line } : {}),
            command: launch.command,
            args: launch.args,
            cwd,
            envNames: Object.keys(env).sort(),
            sandbox: policyLine,
            launches: identities.length,
          },
          opts.consent,
        );
        if (!consent.granted) {
          out.errors.push(scanError(entry, 'skipped', consent.reason));
          continue;
        }
        let session: SandboxSession | undefined;
        if (opts.sandbox.enabled) {
          const s = await sandbox.get();
          if (!s.ok) {
            sandboxReason = s.reason;
            out.errors.push(scanError(entry, 'skipped', `not started: the sandbox is unavailable (${s.reason}); refusing to run it unsandboxed (--no-sandbox accepts that risk)`));
            continue;
          }
          session = s.session;
        }
        launchedLocal++;
        for (const identity of identities) {
          let target: Target;
          try {
            const wrapped = session ? await session.wrap(launch.command, launch.args, [serverTemp]) : { command: launch.command, args: launch.args };
            target = { kind: 'stdio', command: wrapped.command, args: wrapped.args, env, cwd, label: launch.command };
          } catch (err) {
            out.errors.push(scanError(entry, 'skipped', `not started: the sandbox could not wrap the command (${err instanceof Error ? err.message : String(err)})`));
            break;
          }
          const result = await inspectTarget(target, { identity, connectTimeoutMs: connectTimeoutFor(launch.command, limits), requestTimeoutMs: limits.requestTimeoutMs, limits, protocol: opts.protocol ?? 'auto' });
          session?.afterLaunch();
          attempts.push({ identity, result });
          if (result.stderr !== undefined && result.stderr !== '') out.logs.push({ server: entry.name, client: entry.client, identity: identity.name, stderr: result.stderr });
        }
      } else {
        for (const identity of identities) {
          const result = await inspectTarget(
            { kind: launch.transport, url: launch.url, headers: launch.headers },
            { identity, connectTimeoutMs: connectTimeoutFor(undefined, limits), requestTimeoutMs: limits.requestTimeoutMs, limits, protocol: opts.protocol ?? 'auto' },
          );
          attempts.push({ identity, result });
        }
      }
      recordAttempts(entry, launch, attempts, identities.length > 1, out);
    }
  } finally {
    await sandbox.dispose();
    await rm(tempRoot, { recursive: true, force: true }).catch(() => undefined);
  }
  if (disabled > 0) out.notes.push(`${disabled} disabled server(s) not started (a client would not start them either)`);
  if (launchedLocal > 0) {
    if (opts.sandbox.enabled && sandboxReason === undefined) out.notes.push(...registries.notes);
    if (!opts.sandbox.enabled) out.notes.push('--no-sandbox: local servers ran WITHOUT OS isolation; they could read and write anything you can and reach any host');
    else if (sandboxReason === undefined) out.notes.push(`local servers ran sandboxed: ${describePolicy(sandbox.policy)}`);
  }
  if (identities.length > 1 || identities[0]?.alias !== 'mcp-warden') out.notes.push(`client identities used: ${identities.map((i) => `${i.name} ${i.version}`).join(', ')}`);
  const ruled = await runLiveRules(Object.values(liveRules), out.observations);
  out.findings.push(...ruled.findings);
  out.errors.push(...ruled.errors);
  return out;
}

function recordAttempts(entry: ServerEntry, launch: StdioLaunch | RemoteLaunch, attempts: readonly Attempt[], several: boolean, out: LiveOutcome): void {
  const before = out.errors.length;
  const as = (a: Attempt) => (several ? ` (as ${a.identity.name})` : '');
  const push = (a: Attempt, f: InspectFailure) => out.errors.push(scanError(entry, f.kind, `${f.message}${as(a)}`));
  for (const a of attempts) {
    if (!a.result.ok) push(a, a.result.failure);
    else for (const p of a.result.problems) push(a, p);
    for (const n of a.result.notes) out.notes.push(`${label(entry)}: ${n}`);
  }
  const first = attempts[0];
  if (!first || !first.result.ok) return;
  const snapshot = snapshotOf(entry, launch, first.result);
  out.snapshots.push(snapshot);
  if (out.errors.length === before) out.completeServers.add(entry.name);
  const identityDiffs: IdentityDiff[] = [];
  for (const a of attempts.slice(1)) {
    if (a.result.ok) identityDiffs.push(diffTools(first.identity.name, first.result.advertised.tools, a.identity.name, a.result.advertised.tools));
  }
  out.observations.push({
    entry,
    snapshot,
    transport: first.result.transportUsed,
    ...(launch.kind === 'remote' ? { url: launch.url } : {}),
    credentialsSent: launch.kind === 'remote' ? carriesCredentials(launch.url, launch.headers) : false,
    identityDiffs,
  });
}

export interface InspectEntriesOptions {
  home: string;
  env: Env;
  platform?: NodeJS.Platform;
  failOn?: Severity;
  command: string;
  /** Config files to hide from sandboxed servers. */
  hideFiles?: readonly string[];
  live: Omit<LiveOptions, 'home' | 'env' | 'hideFiles'>;
}

/**
 * The `inspect` use-case: config rules and live inspection of the given entries (a discovered
 * server, or one built from a command line or URL), in one report.
 */
export async function inspectEntries(entries: readonly ServerEntry[], opts: InspectEntriesOptions): Promise<{ report: ScanReport; live: LiveOutcome }> {
  const startedAt = new Date();
  const platform = opts.platform ?? process.platform;
  const ruled = await runConfigRules(Object.values(configRules), entries, () => ({ home: opts.home, platform }));
  const live = await inspectLive(entries, { ...opts.live, home: opts.home, env: opts.env, hideFiles: opts.hideFiles ?? [] });
  const report = redactReport(
    buildReport({
    command: opts.command,
    startedAt,
    entries,
    toolCounts: new Map(live.snapshots.map((s) => [s.name, s.tools.length])),
    findings: [...ruled.findings, ...live.findings],
    errors: [...ruled.errors, ...live.errors],
    notes: live.notes,
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
    }),
    [...sensitiveValues(entries), ...live.sensitive],
  );
  return { report, live };
}

/** A ServerEntry for a server given on the command line (`inspect -- cmd args` or `inspect --url`). */
export function commandLineEntry(spec: { name: string; command: string; args: readonly string[] } | { name: string; url: string; transport: 'http' | 'sse' }): ServerEntry {
  const base = { name: spec.name, client: 'command-line', scope: 'file' as const, configFile: '(command line)' };
  return 'command' in spec
    ? serverEntry({ ...base, transport: 'stdio', command: spec.command, args: [...spec.args] })
    : serverEntry({ ...base, transport: spec.transport, url: spec.url });
}
