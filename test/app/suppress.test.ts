import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuppressions, suppress } from '../../src/app/suppress.js';
import { buildBaseline, writeBaseline } from '../../src/suppress/baseline.js';
import { finding } from '../helpers/sample-report.js';

const NOW = new Date('2026-05-01T00:00:00Z');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'warden-app-suppress-'));
  const a = finding({ location: { file: join(dir, '.mcp.json'), line: 2, server: 'a' }, message: 'token s3cretValue99 seen' });
  const b = finding({ location: { file: join(dir, '.mcp.json'), line: 9, server: 'b' } });
  return { dir, a, b };
}

describe('suppress (use-case)', () => {
  it('without settings or baseline it changes nothing and adds no suppression info', () => {
    const { a, b } = setup();
    expect(suppress([a, b], {}, { home: '/h', now: NOW })).toEqual({ kept: [a, b] });
  });

  it('--write-baseline writes what remains after ignores, redacted, then applies it', () => {
    const { dir, a, b } = setup();
    writeFileSync(join(dir, '.mcp-warden.yaml'), 'ignores:\n  - rule: config/disabled-server\n    server: b\n    reason: accepted\n');
    const loaded = loadSuppressions({ cwd: dir, writeBaselineFile: join(dir, 'base.json') });
    const out = suppress([a, b], loaded, { home: '/h', now: NOW, sensitive: ['s3cretValue99'] });
    expect(out.kept).toEqual([]);
    expect(out.info?.findings.map((f) => [f.server, f.by])).toEqual([
      ['b', 'ignore'],
      ['a', 'baseline'],
    ]);
    const written = readFileSync(join(dir, 'base.json'), 'utf8');
    expect(JSON.parse(written).findings.map((f: { server: string }) => f.server)).toEqual(['a']);
    expect(written).not.toContain('s3cretValue99');
  });

  it('with both --baseline and --write-baseline the run is judged against the given baseline', () => {
    const { dir, a, b } = setup();
    writeBaseline(join(dir, 'old.json'), buildBaseline([a], dir, '/h'));
    const loaded = loadSuppressions({ baselineFile: join(dir, 'old.json'), writeBaselineFile: join(dir, 'new.json') });
    const out = suppress([a, b], loaded, { home: '/h', now: NOW });
    expect(out.kept).toEqual([b]);
    expect(JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8')).findings).toHaveLength(2);
  });

  it('looks for .mcp-warden.yaml only in the directory it is given', () => {
    const { dir } = setup();
    writeFileSync(join(dir, '.mcp-warden.yaml'), 'ignores: []\n');
    expect(loadSuppressions({ cwd: dir }).settings?.file).toBe(join(dir, '.mcp-warden.yaml'));
    expect(loadSuppressions({ cwd: dir, noSettings: true }).settings).toBeUndefined();
    expect(loadSuppressions({}).settings).toBeUndefined();
  });
});
