/**
 * @module gateway/upstream/sandbox
 * Puts a stdio upstream under OS isolation: its command line is rewritten to run through
 * sandbox-launcher (one sandbox-runtime session per upstream, see that module for why), with the
 * policy of src/sandbox (secrets and client configs hidden, writes only to a private temp dir and
 * package caches) plus the server's own `sandbox:` block from gateway.yaml.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PACKAGE_MANAGER_HOSTS } from '../../sandbox/policy.js';
import type { UpstreamSpec } from '../config.js';
import type { LaunchCommand, SandboxWrapper } from './connect.js';

/** Exit status of a launcher that refused to start its server (sysexits EX_CONFIG). */
export const SANDBOX_UNAVAILABLE_EXIT = 78;

const LauncherSpecSchema = z
  .object({
    name: z.string().min(1),
    allowedHosts: z.array(z.string()),
    denyRead: z.array(z.string()),
    allowWrite: z.array(z.string()),
    bwrapPath: z.string().optional(),
  })
  .strict();
export type LauncherSpec = z.infer<typeof LauncherSpecSchema>;

/** The launcher's policy for one upstream. Network: the server's allowlist, or package registries only. */
export function launcherSpec(spec: UpstreamSpec, bwrapPath?: string): LauncherSpec {
  return {
    name: spec.name,
    allowedHosts: [...(spec.sandbox.network.allowedDomains ?? PACKAGE_MANAGER_HOSTS)],
    denyRead: [...spec.sandbox.filesystem.denyRead],
    allowWrite: [...spec.sandbox.filesystem.allowWrite],
    ...(bwrapPath !== undefined ? { bwrapPath } : {}),
  };
}

/** `<policy JSON> -- <command> [args...]`, as built by sandboxWrapper. */
export function parseLauncherArgv(argv: readonly string[]): { spec: LauncherSpec; command: string; args: string[] } {
  const [json, sep, command, ...args] = argv;
  if (json === undefined || sep !== '--' || command === undefined) throw new Error('usage: sandbox-launcher <policy JSON> -- <command> [args...]');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new Error(`invalid policy JSON: ${(err as Error).message}`);
  }
  const spec = LauncherSpecSchema.safeParse(raw);
  if (!spec.success) throw new Error(`invalid policy: ${spec.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { spec: spec.data, command, args };
}

/** How to run the launcher: the built .js next to this module, or the .ts source under tsx (tests, bench from source). */
function launcherEntry(): string[] {
  const js = fileURLToPath(new URL('./sandbox-launcher.js', import.meta.url));
  if (existsSync(js)) return [js];
  return ['--import', 'tsx', fileURLToPath(new URL('./sandbox-launcher.ts', import.meta.url))];
}

export interface SandboxWrapperOptions {
  /** Override the bubblewrap binary (tests use a missing one to exercise the refusal). */
  bwrapPath?: string;
}

/** A SandboxWrapper for openUpstreamTransport: every sandboxed stdio upstream starts through the launcher. */
export function sandboxWrapper(options: SandboxWrapperOptions = {}): SandboxWrapper {
  const entry = launcherEntry();
  return (spec: UpstreamSpec, launch: LaunchCommand): Promise<LaunchCommand> => {
    const policy = JSON.stringify(launcherSpec(spec, options.bwrapPath));
    return Promise.resolve({
      command: process.execPath,
      args: [...entry, policy, '--', launch.command, ...launch.args],
      env: launch.env,
      ...(launch.cwd !== undefined ? { cwd: launch.cwd } : {}),
    });
  };
}
