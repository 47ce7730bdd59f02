import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vet } from '../../src/app/vet.js';

// Opt-in: `VET_LIVE=1 npx vitest run test/supplychain/live.test.ts` talks to the real npm registry
// (and, for the listing and tags checks, the MCP registry and api.github.com: where those are not
// reachable the checks are reported as not done). `npm test` never runs it: it must not need the network.
describe.runIf(process.env['VET_LIVE'] === '1')('vet against the live npm registry', () => {
  it('resolves a floating spec to today\'s latest, finds the unpublished backdoor gone, and names the host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-live-'));
    const cfg = join(dir, 'claude_desktop_config.json');
    writeFileSync(cfg, JSON.stringify({ mcpServers: { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] }, mail: { command: 'npx', args: ['-y', 'postmark-mcp@1.0.16'] } } }));
    const { report } = await vet({ configFiles: [cfg], cacheDir: join(dir, 'cache'), env: {}, home: dir });
    const everything = report.packages?.find((p) => p.server === 'everything');
    expect(everything?.resolved).toBeDefined();
    expect(everything?.resolved).toBe(everything?.latest);
    expect(['verified', 'absent', 'not-checked']).toContain(everything?.provenance);
    expect(report.findings.some((f) => f.location.server === 'mail' && f.ruleId === 'supplychain/known-malicious-package')).toBe(true);
    expect(report.notes[0]).toMatch(/^vet network: contacted registry\.npmjs\.org \(\d+ requests?\)/);
  });
});
