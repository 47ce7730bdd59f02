/**
 * @module app/approver
 * Who is approving a pin change, for the lockfile history: `Name <email>` from git config (the
 * identity the change will be committed under), else the OS user name.
 */
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

function gitConfig(key: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    const out = execFileSync('git', ['config', '--get', key], { cwd, env, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true }).trim();
    return out === '' ? undefined : out;
  } catch {
    // git missing, not configured, or cwd outside a repository: fall back to the OS user.
    return undefined;
  }
}

/** Resolves the approver's name; `cwd` is the lockfile's directory (repository-local git config applies). */
export function currentApprover(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = gitConfig('user.name', cwd, env);
  const email = gitConfig('user.email', cwd, env);
  if (name !== undefined) return email !== undefined ? `${name} <${email}>` : name;
  if (email !== undefined) return email;
  const user = env['USER'] ?? env['USERNAME'] ?? safeUserName();
  return user ?? 'unknown';
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers).
    return undefined;
  }
}
