/**
 * @fileoverview What a host path given to a server (a filesystem root, a container bind mount)
 * exposes: the whole disk, every user's home, the user's home, or a credential directory.
 */
import type { ConfigRuleContext } from '../types.js';

export type PathExposure = 'root' | 'drive-root' | 'all-homes' | 'home' | 'credentials' | 'docker-socket' | 'system';

export interface ExposedPath {
  exposure: PathExposure;
  /** What to call it in a message: `/`, `C:\`, `the home directory (/home/u)`, `~/.ssh`. */
  label: string;
}

/** Home directory spelled as a variable or shorthand. */
const HOME_ALIASES = /^(?:~|\$HOME|\$\{HOME\}|\$\{env:HOME\}|\$\{userHome\}|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|\$env:USERPROFILE|\$\{env:USERPROFILE\})(?=$|[\\/])/i;

/** Directories under the home that hold credentials. */
const CREDENTIAL_DIRS = ['.ssh', '.aws', '.gnupg', '.kube', '.docker', '.azure', '.config/gcloud', '.netrc', '.npmrc', '.pypirc', '.git-credentials', '.password-store', '.config/gh'];

const SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock', '/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock', '//./pipe/docker_engine'];

const SYSTEM_DIRS = ['/etc', '/root', '/boot', '/proc', '/sys', '/dev', '/var/lib/docker', '/usr', '/bin', '/sbin', '/lib'];

/** Normalises separators, a trailing slash and `.` segments; keeps a Windows drive letter. */
function normalise(path: string): string {
  let p = path.trim().replace(/^["']|["']$/g, '').replace(/\\/g, '/');
  p = p.replace(/\/\.(?=\/|$)/g, '').replace(/\/{2,}/g, (m, off: number) => (off === 0 ? m : '/'));
  if (p.length > 1 && p.endsWith('/') && !/^[A-Za-z]:\/$/.test(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Classifies a host path by what it exposes.
 * @param raw the path as written (`/`, `~`, `$HOME/.ssh`, `C:\Users\me`, `/var/run/docker.sock`)
 * @param ctx for the scanned home directory and platform
 * @returns what it exposes, or undefined for an ordinary path (a project folder)
 */
export function classifyHostPath(raw: string, ctx: Pick<ConfigRuleContext, 'home' | 'platform'>): ExposedPath | undefined {
  let p = normalise(raw);
  if (p === '') return undefined;
  const home = normalise(ctx.home);
  const aliased = HOME_ALIASES.exec(p);
  if (aliased) p = home + p.slice(aliased[0].length);
  const windowsLike = /^[A-Za-z]:/.test(p) || ctx.platform === 'win32';
  const eq = (a: string, b: string) => (windowsLike ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (SOCKETS.some((s) => eq(p, s))) return { exposure: 'docker-socket', label: p };
  if (p === '/') return { exposure: 'root', label: '/' };
  if (/^[A-Za-z]:\/?$/.test(p)) return { exposure: 'drive-root', label: `${p.slice(0, 2)}\\` };
  if (/^(?:\/home|\/Users|[A-Za-z]:\/Users)$/i.test(p)) return { exposure: 'all-homes', label: p };
  if (eq(p, home) || /^(?:\/home\/[^/]+|\/Users\/[^/]+|[A-Za-z]:\/Users\/[^/]+)$/i.test(p)) return { exposure: 'home', label: `the home directory (${p})` };
  for (const dir of CREDENTIAL_DIRS) {
    const full = `${home}/${dir}`;
    if (eq(p, full) || (windowsLike ? p.toLowerCase().startsWith(`${full.toLowerCase()}/`) : p.startsWith(`${full}/`))) return { exposure: 'credentials', label: `~/${dir}` };
  }
  if (!windowsLike && SYSTEM_DIRS.some((d) => p === d)) return { exposure: 'system', label: p };
  return undefined;
}
