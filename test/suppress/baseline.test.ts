import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WardenError } from '../../src/model/index.js';
import { BaselineSchema, buildBaseline, readBaseline, writeBaseline, writeFileAtomic } from '../../src/suppress/baseline.js';
import { finding } from '../helpers/sample-report.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'warden-baseline-'));

describe('baseline file', () => {
  it('is versioned JSON, sorted, with portable paths, and reads back', () => {
    const dir = tmp();
    const a = finding({ location: { file: join(dir, '.mcp.json'), line: 2, server: 'a' } });
    const b = finding({ location: { file: join(dir, 'sub', 'mcp.json'), line: 5, server: 'b' } });
    const baseline = buildBaseline([b, a], dir, '/home/u');
    expect(BaselineSchema.parse(baseline)).toEqual(baseline);
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((f) => f.file).sort()).toEqual(['.mcp.json', 'sub/mcp.json']);
    const keys = baseline.findings.map((f) => f.fingerprint);
    expect(keys).toEqual([...keys].sort());
    const file = join(dir, 'baseline.json');
    writeBaseline(file, baseline);
    expect(readBaseline(file).keys).toEqual(new Set(keys));
  });

  it('is written atomically: no temporary file is left, and an unwritable target is a clear error', () => {
    const dir = tmp();
    const file = join(dir, 'b.json');
    writeFileAtomic(file, 'one\n');
    writeFileAtomic(file, 'two\n');
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(readdirSync(dir)).toEqual(['b.json']);
    expect(() => writeFileAtomic(join(dir, 'missing-dir', 'b.json'), 'x')).toThrow(/cannot write .*missing-dir/);
    expect(readdirSync(dir)).toEqual(['b.json']);
  });

  it('a missing, malformed or wrong-version baseline is a usage error naming the file', () => {
    const dir = tmp();
    expect(() => readBaseline(join(dir, 'nope.json'))).toThrow(WardenError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => readBaseline(bad)).toThrow(/cannot read baseline .*bad\.json/);
    writeFileSync(bad, JSON.stringify({ version: 2, findings: [] }));
    expect(() => readBaseline(bad)).toThrow(/invalid baseline .*bad\.json at version/);
  });
});
