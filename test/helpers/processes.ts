import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** A token to put in a fixture process's argv, so the test can find it with ps. */
export function marker(): string {
  return `warden-marker-${randomUUID()}`;
}

/** PIDs of live processes whose command line contains `token` (zombies have no args, so they do not count). */
export function processesWith(token: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes(token) && !l.includes('ps -eo'))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((n) => Number.isInteger(n) && n !== process.pid);
}
