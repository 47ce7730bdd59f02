// Running the built CLI as a user does, from tests: no terminal (so no consent prompt), async (so
// fixture servers in the test process keep serving), and fixture homes with a client config.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd !== undefined ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A temp home whose Claude Desktop config (Linux layout) declares `servers`; returns the home. */
export function claudeDesktopHome(servers: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'warden-cli-home-'));
  writeClaudeDesktopConfig(home, servers);
  return home;
}

export function writeClaudeDesktopConfig(home: string, servers: Record<string, unknown>): void {
  mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
  writeFileSync(join(home, '.config', 'Claude', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: servers }, null, 2));
}
