/**
 * @fileoverview The README quick start scans examples/claude_desktop_config.json: it must show every
 * config rule firing, keep the clean server quiet, and never print the planted secrets.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/app/scan.js';
import { configRules } from '../../src/rules/config/index.js';

const example = new URL('../../examples/claude_desktop_config.json', import.meta.url);
const home = mkdtempSync(join(tmpdir(), 'mcp-warden-example-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A copy with a known mode, so the file-permission rule does not depend on the checkout's umask. */
function copyWithMode(mode: number): string {
  const file = join(home, `claude_desktop_config-${mode.toString(8)}.json`);
  writeFileSync(file, readFileSync(example));
  chmodSync(file, mode);
  return file;
}

describe('examples/claude_desktop_config.json', () => {
  it('makes every config rule fire, and the pinned memory server stays clean', async () => {
    const file = copyWithMode(0o644);
    const { report } = await scan({ configFiles: [file], home, env: {}, platform: process.platform === 'win32' ? 'linux' : process.platform });
    const fired = new Set(report.findings.map((f) => f.ruleId));
    const expected = Object.keys(configRules).filter((id) => process.platform !== 'win32' || id !== 'config/secrets-file-readable');
    expect([...fired].sort()).toEqual(expected.sort());
    expect(report.findings.filter((f) => f.location.server === 'memory')).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('never shows the planted secrets', async () => {
    const { report } = await scan({ configFiles: [copyWithMode(0o600)], home, env: {} });
    const text = JSON.stringify(report);
    for (const secret of ['ghp_R3alLook1ngT0kenF0rTheExamp1eOnly000', 'hunter2']) expect(text).not.toContain(secret);
  });
});
