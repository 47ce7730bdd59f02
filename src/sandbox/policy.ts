/**
 * @module sandbox/policy
 * What a sandboxed MCP server may touch. Pure data and one pure builder: the runtime
 * (sandbox/runtime.ts) turns a SandboxPolicy into an OS sandbox.
 */
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Hosts a package manager needs to fetch a server on first launch (`npx -y`, `uvx`, `pipx run`,
 * `bunx`, `pnpm dlx`, `yarn dlx`). Everything else is denied unless the user adds hosts.
 */
export const PACKAGE_MANAGER_HOSTS: readonly string[] = [
  'registry.npmjs.org', // npm, npx, pnpm, bun
  'registry.yarnpkg.com', // yarn
  'pypi.org', // pip, pipx, uv: index
  'files.pythonhosted.org', // pip, pipx, uv: distributions
];

/**
 * Secrets a server has no business reading, relative to the home directory. Reads of these are
 * denied (on Linux the path is replaced by an empty, throwaway directory or file).
 */
export const SECRET_PATHS: readonly string[] = [
  '.ssh',
  '.aws',
  '.gnupg',
  '.azure',
  '.kube',
  '.docker/config.json',
  '.config/gcloud',
  '.config/gh',
  '.git-credentials',
  '.netrc',
  '.npmrc', // may hold registry tokens; private registries then need --no-sandbox
  '.pypirc',
  '.password-store',
  // Browser profiles (cookies, saved passwords, sessions).
  '.mozilla',
  '.config/google-chrome',
  '.config/chromium',
  '.config/BraveSoftware',
  '.config/microsoft-edge',
  'Library/Application Support/Google/Chrome',
  'Library/Application Support/Firefox',
  'Library/Application Support/BraveSoftware',
  'Library/Application Support/Microsoft Edge',
  'Library/Keychains',
  'Library/Cookies',
  // MCP client configs: they hold every other server's credentials.
  '.claude.json',
  '.claude',
  '.cursor',
  '.codeium',
  '.codex',
  '.gemini',
  '.continue',
  '.config/Claude',
  '.config/Code/User',
  '.config/Cursor/User',
  '.config/zed',
  '.config/goose',
  '.config/opencode',
  'Library/Application Support/Claude',
  'Library/Application Support/Code/User',
  'Library/Application Support/Cursor/User',
];

/** Package caches a launcher writes to (relative to home). Only these and a temp dir are writable. */
export const PACKAGE_CACHE_PATHS: readonly string[] = [
  '.npm',
  '.cache/uv',
  '.local/share/uv',
  '.cache/pip',
  '.local/pipx',
  '.cache/pnpm',
  '.local/share/pnpm',
  '.cache/yarn',
  '.yarn',
  '.bun/install/cache',
  '.cache/deno',
];

export interface SandboxPolicyInput {
  /** Home directory the server sees (the real one, or a fixture home in tests). */
  home: string;
  /** Per-run temporary directory; the only writable place besides package caches. */
  tempDir: string;
  /** Hosts allowed in addition to PACKAGE_MANAGER_HOSTS (--sandbox-allow-host). */
  extraHosts?: readonly string[];
  /** Replace PACKAGE_MANAGER_HOSTS entirely (e.g. `[]` for no network at all). */
  hosts?: readonly string[];
  /** Further paths to hide, e.g. the client config files discovery found (absolute). */
  extraDenyRead?: readonly string[];
}

export interface SandboxPolicy {
  allowedHosts: string[];
  denyRead: string[];
  allowWrite: string[];
}

function underHome(home: string, p: string): string {
  return isAbsolute(p) ? p : join(home, p);
}

/** Builds the policy every sandboxed server runs under. Deterministic: same input, same policy. */
export function buildSandboxPolicy(input: SandboxPolicyInput): SandboxPolicy {
  const home = resolve(input.home);
  const hosts = [...(input.hosts ?? PACKAGE_MANAGER_HOSTS), ...(input.extraHosts ?? [])];
  const denyRead = [...SECRET_PATHS.map((p) => underHome(home, p)), ...(input.extraDenyRead ?? []).map((p) => resolve(p))];
  const allowWrite = [resolve(input.tempDir), ...PACKAGE_CACHE_PATHS.map((p) => underHome(home, p))];
  return {
    allowedHosts: [...new Set(hosts)],
    denyRead: [...new Set(denyRead)].sort(),
    allowWrite: [...new Set(allowWrite)],
  };
}

/** One-line summary for consent prompts and report notes. */
export function describePolicy(policy: SandboxPolicy): string {
  const hosts = policy.allowedHosts.length === 0 ? 'none' : policy.allowedHosts.join(', ');
  return `writes: temp dir and package caches only; secrets and client configs hidden (${policy.denyRead.length} paths); network: ${hosts}`;
}
