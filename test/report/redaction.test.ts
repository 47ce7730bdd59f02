/**
 * Canary: a secret planted everywhere a secret can hide must not come out of any format, with or
 * without --verbose, nor out of a written baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEntry, type ScanReport } from '../../src/model/index.js';
import { FORMATS, redactReport, render, sensitiveValues } from '../../src/report/index.js';
import { finding, sampleReport } from '../helpers/sample-report.js';

/** Known token formats: caught by the secret patterns wherever they appear. */
const CANARY_TOKEN = 'ghp_CanaryCanaryCanaryCanary0123456789AB';
const CANARY_PASSWORD = 'Cn4ryPassw0rdXyZ';
/** No known format: caught only because it sat under a secret-looking name in the config. */
const CANARY_OPAQUE = 'opaque-CANARY-7f3a9c2e';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function renderEverything(report: ScanReport): string[] {
  const out: string[] = [];
  for (const format of FORMATS) {
    for (const verbose of [false, true]) out.push(render(report, format, { color: false, verbose, srcRoot: '/work/repo' }));
  }
  return out;
}

describe('secret redaction in every format (canary)', () => {
  it('a token planted in every text field of a report never reaches any format', () => {
    const report = sampleReport({
      extraFindings: [
        finding({
          message: `env GITHUB_TOKEN=${CANARY_TOKEN}`,
          evidence: `"Authorization": "Bearer ${CANARY_TOKEN}"`,
          decoded: `send ${CANARY_TOKEN} to https://u:${CANARY_PASSWORD}@evil.example/x`,
          remediation: `rotate ${CANARY_TOKEN}`,
          diff: `@@ -1 +1 @@\n-old\n+send ${CANARY_TOKEN} home`,
          location: { file: '/work/repo/.mcp.json', line: 3, server: `srv-${CANARY_TOKEN}`, tool: `tool-${CANARY_TOKEN}`, field: '/description' },
        }),
      ],
      errors: [{ kind: 'parse', source: '/work/repo/x.json', message: `unexpected token near "${CANARY_TOKEN}"` }],
    });
    report.notes.push(`note with ${CANARY_TOKEN}`);
    report.suppression = {
      ignores: [{ rule: 'config/x', reason: `approved ${CANARY_TOKEN}`, status: 'unused', suppressed: 0 }],
      findings: [{ fingerprint: 'f', ruleId: 'config/x', severity: 'low', server: CANARY_TOKEN, by: 'ignore', reason: CANARY_TOKEN }],
      settingsFile: '/work/repo/.mcp-warden.yaml',
    };
    // The canary really is in the input (so the test can fail).
    expect(JSON.stringify(report)).toContain(CANARY_TOKEN);
    for (const text of renderEverything(report)) {
      expect(text).not.toContain(CANARY_TOKEN);
      expect(text).not.toContain(CANARY_PASSWORD);
      expect(text).toContain('REDACTED');
    }
  });

  it('collects secret-looking config values and scrubs them whatever their format', () => {
    const entry = serverEntry({
      name: 's',
      client: 'test',
      scope: 'project',
      configFile: '/p/.mcp.json',
      transport: 'http',
      url: `https://api.example.com/mcp?api_key=${CANARY_OPAQUE}x&mode=fast`,
      headers: { Authorization: `Bearer ${CANARY_OPAQUE}y`, Accept: 'application/json' },
      env: { MY_API_KEY: CANARY_OPAQUE, HOME_DIR: '/home/someone', TOKEN_REF: '${GITHUB_TOKEN}' },
      args: ['--token', `${CANARY_OPAQUE}z`, '--password=hunter22', '--port', '8080'],
    });
    const values = sensitiveValues([entry]);
    expect(values).toEqual(expect.arrayContaining([CANARY_OPAQUE, `${CANARY_OPAQUE}x`, `${CANARY_OPAQUE}y`, `${CANARY_OPAQUE}z`, 'hunter22']));
    // Locations, placeholders and ordinary values are not treated as secrets.
    expect(values).not.toContain('/home/someone');
    expect(values).not.toContain('${GITHUB_TOKEN}');
    expect(values).not.toContain('application/json');
    expect(values).not.toContain('8080');

    const report = sampleReport({ extraFindings: [finding({ evidence: `MY_API_KEY=${CANARY_OPAQUE}`, message: `saw ${CANARY_OPAQUE}z` })] });
    for (const text of renderEverything(redactReport(report, values))) expect(text).not.toContain(CANARY_OPAQUE);
    // Fingerprints are hashes and survive scrubbing untouched.
    expect(redactReport(report, ['0', 'a']).findings.map((f) => f.fingerprint)).toEqual(report.findings.map((f) => f.fingerprint));
  });

  it('end to end: secrets in env, headers, args, URL and a server name never reach any format or the baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-canary-'));
    const config = join(dir, 'mcp.json');
    writeFileSync(
      config,
      JSON.stringify(
        {
          mcpServers: {
            [`leaky-${CANARY_TOKEN}`]: { command: 'node', args: ['server.js'], disabled: true },
            github: {
              command: 'npx',
              args: ['-y', 'server-github', '--token', CANARY_TOKEN, `--api-key=${CANARY_OPAQUE}`],
              env: { GITHUB_TOKEN: CANARY_TOKEN, MY_API_KEY: CANARY_OPAQUE },
              disabled: true,
            },
            remote: {
              url: `https://bot:${CANARY_PASSWORD}@mcp.example.com/sse?token=${CANARY_OPAQUE}`,
              headers: { Authorization: `Bearer ${CANARY_TOKEN}` },
              disabled: true,
            },
          },
        },
        null,
        2,
      ),
    );
    const baseline = join(dir, 'baseline.json');
    const outputs: string[] = [];
    for (const format of FORMATS) {
      for (const verbose of [[], ['--verbose']]) {
        const r = spawnSync(process.execPath, [CLI, 'scan', '--config', config, '--format', format, '--no-settings', '--fail-on', 'none', ...verbose], {
          encoding: 'utf8',
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1' },
        });
        expect(r.status, r.stderr).toBe(0);
        outputs.push(r.stdout, r.stderr);
      }
    }
    const w = spawnSync(process.execPath, [CLI, 'scan', '--config', config, '--write-baseline', baseline, '--no-settings', '-f', 'json'], { encoding: 'utf8', cwd: dir });
    expect(w.status, w.stderr).toBe(0);
    outputs.push(w.stdout, readFileSync(baseline, 'utf8'));
    // The scan did see the planted servers (so the grep below is meaningful).
    expect(outputs[0]).toContain('leaky-ghp_');
    for (const text of outputs) {
      expect(text).not.toContain(CANARY_TOKEN);
      expect(text).not.toContain(CANARY_PASSWORD);
      expect(text).not.toContain(CANARY_OPAQUE);
    }
  });
});
