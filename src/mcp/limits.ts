/**
 * @module mcp/limits
 * Timeouts and size bounds for live inspection. One home for the defaults: the CLI only overrides.
 */
import { basename } from 'node:path';

export interface LiveLimits {
  /** Connect timeout for launches that may download first (npx, uvx, pipx, docker, ...). */
  slowConnectTimeoutMs: number;
  /** Connect timeout for everything else (a local binary, a remote URL). */
  connectTimeoutMs: number;
  /** When set, overrides both connect timeouts (--connect-timeout). */
  connectTimeoutOverrideMs?: number;
  /** Per request after the handshake (tools/list, prompts/list, ...). */
  requestTimeoutMs: number;
  /** Largest single message (stdio line or HTTP response body) accepted from a server. */
  maxResponseBytes: number;
  /** Pages followed per list method before the listing is cut off. */
  maxPages: number;
  /** Items (tools, prompts, resources, templates) accepted per list method. */
  maxItems: number;
  /** Bytes of server stderr kept (the tail); the rest is counted and dropped. */
  maxStderrBytes: number;
  /** Time between SIGTERM and SIGKILL of a server's process group. */
  killGraceMs: number;
}

export const DEFAULT_LIMITS = {
  slowConnectTimeoutMs: 60_000,
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  maxResponseBytes: 8 * 1024 * 1024,
  maxPages: 100,
  maxItems: 2_000,
  maxStderrBytes: 64 * 1024,
  killGraceMs: 2_000,
} as const satisfies LiveLimits;

/** Launchers that may install a package before the server starts (cold starts take tens of seconds). */
export const SLOW_LAUNCHERS: readonly string[] = ['npx', 'uvx', 'pipx', 'docker', 'podman', 'bunx', 'pnpm', 'yarn', 'deno', 'uv'];

/** True when `command` is one of SLOW_LAUNCHERS (by basename, with or without a Windows extension). */
export function isSlowLauncher(command: string): boolean {
  const name = basename(command).replace(/\.(cmd|exe|bat)$/i, '').toLowerCase();
  return SLOW_LAUNCHERS.includes(name);
}

/** Connect timeout for a stdio `command`, or for a remote server when `command` is undefined. */
export function connectTimeoutFor(command: string | undefined, limits: LiveLimits): number {
  if (limits.connectTimeoutOverrideMs !== undefined) return limits.connectTimeoutOverrideMs;
  return command !== undefined && isSlowLauncher(command) ? limits.slowConnectTimeoutMs : limits.connectTimeoutMs;
}
