// Whether the OS sandbox works on this machine. CI containers often forbid the namespaces
// bubblewrap needs; there the sandbox tests prove the refusal instead of the isolation, and say so.
// MCP_WARDEN_REQUIRE_SANDBOX=1 turns an unavailable sandbox into a failure (machines that must
// prove the isolation itself).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSandboxPolicy } from '../../src/sandbox/policy.js';
import { startSandbox } from '../../src/sandbox/runtime.js';

export type SandboxAvailability = { ok: true } | { ok: false; reason: string };

/** Starts (trial run included) and stops a sandbox once. */
export async function probeSandbox(): Promise<SandboxAvailability> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-sbx-probe-'));
  try {
    const started = await startSandbox(buildSandboxPolicy({ home: dir, tempDir: dir, hosts: [] }));
    if (!started.ok) return { ok: false, reason: started.reason };
    await started.session.dispose();
    return { ok: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const sandboxRequired = process.env['MCP_WARDEN_REQUIRE_SANDBOX'] === '1';
