/**
 * @module gateway/config
 * `gateway.yaml`: the upstream servers behind the gateway, how clients reach it (stdio and/or
 * streamable HTTP), and where policy, lockfile and audit live. Relative paths are resolved
 * against the file's directory. Secrets (tokens, env values) are written as `${VAR}`
 * placeholders and read from the gateway's environment at start.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { parseYamlFile } from '../policy/load.js';
import { parseDuration, parseSize } from '../policy/units.js';
import { defaultAuditDbPath } from '../store/audit-db.js';

/** Server names: become tool-name prefixes, so they are kept to safe characters. */
export const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const Duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `invalid duration "${String(v)}"` });
    return z.NEVER;
  }
  return ms;
});
const Size = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseSize(v);
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: `invalid size "${String(v)}"` });
    return z.NEVER;
  }
  return n;
});

/**
 * Per-server OS isolation (stdio upstreams), on top of the defaults of src/sandbox: secrets and
 * client configs are unreadable, writes go only to a private temp dir and package caches.
 * `network.allowedDomains` absent = package registries only (so `npx -y` works); `[]` = no network.
 */
export const SandboxConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    filesystem: z
      .object({
        /** More paths the server may not read (absolute or `~/`). */
        denyRead: z.array(z.string()).default([]),
        /** Paths the server may write besides its temp dir (absolute or `~/`). */
        allowWrite: z.array(z.string()).default([]),
      })
      .strict()
      .default({ denyRead: [], allowWrite: [] }),
    network: z
      .object({
        /** Hosts the server may reach (`example.com`, `*.example.com`); nothing else. */
        allowedDomains: z.array(z.string()).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type SandboxConfig = z.infer<typeof SandboxConfigSchema>;

const UpstreamSchema = z
  .object({
    command: z.string().min(1).optional(),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    cwd: z.string().optional(),
    url: z.string().url().optional(),
    transport: z.enum(['stdio', 'http', 'sse']).optional(),
    headers: z.record(z.string(), z.string()).default({}),
    sandbox: SandboxConfigSchema.optional(),
    /** Per-call timeout for this server (default: limits.callTimeout). */
    timeout: Duration.optional(),
    /** Protocol negotiation towards this server: `legacy` (2025 initialize) or `auto` (probe 2026-07-28 first). */
    protocol: z.enum(['legacy', 'auto']).default('legacy'),
    disabled: z.boolean().default(false),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.command === undefined) === (s.url === undefined)) ctx.addIssue({ code: 'custom', message: 'give exactly one of command (stdio) or url (http/sse)' });
    if (s.transport === 'stdio' && s.command === undefined) ctx.addIssue({ code: 'custom', message: 'transport stdio needs a command' });
    if ((s.transport === 'http' || s.transport === 'sse') && s.url === undefined) ctx.addIssue({ code: 'custom', message: `transport ${s.transport} needs a url` });
  });
export type UpstreamConfigInput = z.input<typeof UpstreamSchema>;

const TokenSchema = z.object({ name: z.string().min(1).max(64), token: z.string().min(1) }).strict();

const HttpListenSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8765),
    path: z.string().startsWith('/').default('/mcp'),
    /** Origins allowed besides loopback origins (browsers send Origin; others do not). */
    allowedOrigins: z.array(z.string()).default([]),
    /** Host header names allowed besides loopback names (DNS-rebinding protection). */
    allowedHosts: z.array(z.string()).default([]),
    /** Bearer tokens; required when `host` is not a loopback address. Write them as `${VAR}`. */
    tokens: z.array(TokenSchema).default([]),
    maxBodySize: Size.default(4_194_304),
  })
  .strict();

export const GatewayConfigSchema = z
  .object({
    version: z.literal(1),
    listen: z
      .object({
        stdio: z.boolean().optional(),
        http: HttpListenSchema.optional(),
      })
      .strict()
      .default({}),
    namespace: z
      .object({ separator: z.string().regex(/^[_.\-~]{1,4}$/, 'use 1-4 of the characters _ . - ~').default('__') })
      .strict()
      .default({ separator: '__' }),
    policy: z.string().optional(),
    lockfile: z.string().optional(),
    /** `enforce`: changed or unpinned tools are hidden and refused. `warn`: logged only. `off`. */
    pinning: z.enum(['enforce', 'warn', 'off']).optional(),
    audit: z
      .object({ db: z.string().optional(), jsonl: z.string().optional(), enabled: z.boolean().default(true) })
      .strict()
      .default({ enabled: true }),
    limits: z
      .object({
        callTimeout: Duration.default(60_000),
        connectTimeout: Duration.default(30_000),
        maxResultSize: Size.default(10_485_760),
        /** Most calls in flight per upstream; beyond it calls are refused (a hung upstream cannot pile up unbounded work). */
        maxInFlight: z.number().int().positive().default(1024),
      })
      .strict()
      .default({ callTimeout: 60_000, connectTimeout: 30_000, maxResultSize: 10_485_760, maxInFlight: 1024 }),
    servers: z.record(z.string(), UpstreamSchema),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const name of Object.keys(c.servers)) {
      if (!SERVER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: ['servers', name], message: `server name "${name}" must match ${SERVER_NAME.source}` });
      else if (name.includes(c.namespace.separator)) ctx.addIssue({ code: 'custom', path: ['servers', name], message: `server name "${name}" contains the namespace separator "${c.namespace.separator}", which would make tool names ambiguous` });
    }
  });
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

/** One upstream, fully resolved (placeholders expanded, paths absolute, transport decided). */
export interface UpstreamSpec {
  name: string;
  transport: 'stdio' | 'http' | 'sse';
  command?: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  url?: string;
  headers: Record<string, string>;
  sandbox: SandboxConfig;
  timeoutMs: number;
  protocol: 'legacy' | 'auto';
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]{0,127})\}/g;

/** Expands `${VAR}` from `env`; a missing variable is an error naming the field (never a silent empty string). */
export function expandPlaceholders(value: string, env: Readonly<Record<string, string | undefined>>, where: string): string {
  return value.replace(PLACEHOLDER, (_m, name: string) => {
    const v = env[name];
    if (v === undefined) throw new WardenError(WardenErrorCode.InvalidInput, `${where}: environment variable ${name} is not set`, { hint: `export ${name}=… before starting the gateway` });
    return v;
  });
}

function expandAll(record: Record<string, string>, env: Readonly<Record<string, string | undefined>>, where: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, expandPlaceholders(v, env, `${where}.${k}`)]));
}

function absolute(base: string, p: string): string {
  const expanded = p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p;
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}

function resolveSandbox(sandbox: SandboxConfig, base: string): SandboxConfig {
  return {
    ...sandbox,
    filesystem: { denyRead: sandbox.filesystem.denyRead.map((p) => absolute(base, p)), allowWrite: sandbox.filesystem.allowWrite.map((p) => absolute(base, p)) },
  };
}

export interface ResolvedGatewayConfig {
  file: string | undefined;
  config: GatewayConfig;
  upstreams: UpstreamSpec[];
  policyFile: string | undefined;
  lockfile: string | undefined;
  auditDb: string | undefined;
  auditJsonl: string | undefined;
  tokens: Array<{ name: string; token: string }>;
}

/** Default audit locations: `audit.db` and `audit.jsonl` in the per-user state directory. */
export function defaultAuditPaths(): { db: string; jsonl: string } {
  const db = defaultAuditDbPath();
  return { db, jsonl: join(dirname(db), 'audit.jsonl') };
}

/** Resolves a validated config: placeholders, paths, transports. */
export function resolveGatewayConfig(config: GatewayConfig, file: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): ResolvedGatewayConfig {
  const base = file ? dirname(file) : process.cwd();
  const upstreams: UpstreamSpec[] = [];
  for (const [name, s] of Object.entries(config.servers)) {
    if (s.disabled) continue;
    const where = `servers.${name}`;
    const transport = s.transport ?? (s.command !== undefined ? 'stdio' : 'http');
    const spec: UpstreamSpec = {
      name,
      transport,
      args: s.args.map((a, i) => expandPlaceholders(a, env, `${where}.args.${i}`)),
      env: expandAll(s.env, env, `${where}.env`),
      headers: expandAll(s.headers, env, `${where}.headers`),
      sandbox: resolveSandbox(s.sandbox ?? SandboxConfigSchema.parse({}), base),
      timeoutMs: s.timeout ?? config.limits.callTimeout,
      protocol: s.protocol,
    };
    if (s.command !== undefined) spec.command = expandPlaceholders(s.command, env, `${where}.command`);
    if (s.cwd !== undefined) spec.cwd = absolute(base, expandPlaceholders(s.cwd, env, `${where}.cwd`));
    if (s.url !== undefined) spec.url = expandPlaceholders(s.url, env, `${where}.url`);
    upstreams.push(spec);
  }
  const tokens = (config.listen.http?.tokens ?? []).map((t, i) => ({ name: t.name, token: expandPlaceholders(t.token, env, `listen.http.tokens.${i}.token`) }));
  return {
    file,
    config,
    upstreams,
    policyFile: config.policy !== undefined ? absolute(base, config.policy) : undefined,
    lockfile: config.lockfile !== undefined ? absolute(base, config.lockfile) : undefined,
    auditDb: config.audit.enabled ? absolute(base, config.audit.db ?? defaultAuditPaths().db) : undefined,
    auditJsonl: config.audit.enabled ? absolute(base, config.audit.jsonl ?? defaultAuditPaths().jsonl) : undefined,
    tokens,
  };
}

/** Reads, validates and resolves a gateway.yaml. */
export function loadGatewayConfig(file: string, env: Readonly<Record<string, string | undefined>> = process.env): ResolvedGatewayConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new WardenError(WardenErrorCode.Io, `cannot read gateway config ${file}: ${(err as Error).message}`);
  }
  return resolveGatewayConfig(parseYamlFile(text, file, GatewayConfigSchema, 'gateway config'), resolve(file), env);
}
