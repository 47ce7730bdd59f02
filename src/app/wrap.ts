/**
 * @module app/wrap
 * `mcp-warden wrap -- <command> [args]`: one stdio server behind the gateway, served back over
 * stdio, so the command can replace the server's own in any client config. Tool names stay as
 * the server gives them (the client already namespaces by its config key) unless asked otherwise.
 */
import { basename } from 'node:path';
import { SandboxConfigSchema, SERVER_NAME, type UpstreamSpec } from '../gateway/config.js';
import { launchedArtifact } from '../pinning/identity.js';

export interface WrapOptions {
  command: string;
  args: string[];
  name?: string;
  sandbox: boolean;
  /** Hosts the sandboxed server may reach (default: package registries only; empty: no network). */
  allowHosts?: string[];
  /** Absolute paths the sandboxed server may write besides its temp dir. */
  allowWrite?: string[];
  /** Absolute paths hidden from the sandboxed server besides the built-in secret paths. */
  denyRead?: string[];
  timeoutMs: number;
  env: Record<string, string | undefined>;
}

/** A server name for policy and lockfile lookups: the package (npx, uvx, docker) or the command. */
export function deriveServerName(command: string, args: readonly string[]): string {
  const artifact = launchedArtifact(command, args);
  const raw = artifact.package ?? artifact.image ?? basename(command);
  const last = raw.replace(/@[^@/]*$/, '').split(/[/:]/).filter(Boolean).pop() ?? 'server';
  const cleaned = last.replace(/^server-|-server$|^mcp-server-|-mcp$/g, '').replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  const name = cleaned.slice(0, 64) || 'server';
  return SERVER_NAME.test(name) ? name : 'server';
}

/** The single upstream of `wrap`: it inherits the environment the client gave mcp-warden (that env was meant for it). */
export function wrapUpstream(o: WrapOptions): UpstreamSpec {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) if (v !== undefined && !k.startsWith('MCP_WARDEN_')) env[k] = v;
  return {
    name: o.name ?? deriveServerName(o.command, o.args),
    transport: 'stdio',
    command: o.command,
    args: o.args,
    env,
    headers: {},
    sandbox: SandboxConfigSchema.parse({ enabled: o.sandbox, filesystem: { allowWrite: o.allowWrite ?? [], denyRead: o.denyRead ?? [] }, network: o.allowHosts ? { allowedDomains: o.allowHosts } : {} }),
    timeoutMs: o.timeoutMs,
    protocol: 'legacy',
  };
}
