import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WardenError } from '../../src/model/index.js';
import { findSettingsFile, loadSettings } from '../../src/suppress/settings.js';

const RULES = ['config/disabled-server', 'config/secret-literal', 'tool/hidden-instructions'];

function settingsFile(text: string, name = '.mcp-warden.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-settings-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function loadError(text: string): string {
  const file = settingsFile(text);
  try {
    loadSettings(file, RULES);
  } catch (err) {
    expect(err).toBeInstanceOf(WardenError);
    return (err as Error).message.split(file).join('FILE');
  }
  throw new Error('expected a validation error');
}

describe('settings file (.mcp-warden.yaml)', () => {
  it('loads ignores with their lines', () => {
    const file = settingsFile(`version: 1
ignores:
  - rule: config/disabled-server
    reason: kept for the migration
    server: old-*
  - rule: "tool/*"
    reason: vendor reviewed these tools
    client: cursor
    until: 2030-06-30
`);
    const s = loadSettings(file, RULES);
    expect(s.ignores).toEqual([
      { rule: 'config/disabled-server', reason: 'kept for the migration', server: 'old-*', line: 3 },
      { rule: 'tool/*', reason: 'vendor reviewed these tools', client: 'cursor', until: '2030-06-30', line: 6 },
    ]);
  });

  it('an ignore without a reason is an error with the file and line', () => {
    expect(loadError(`ignores:
  - rule: config/disabled-server
    reason: fine
  - rule: config/secret-literal
    server: github
`)).toMatch(/^invalid settings file\nFILE:4: ignores\[1\]\.reason: reason is required/);
  });

  it('an empty or blank reason is an error too', () => {
    expect(loadError(`ignores:\n  - rule: config/disabled-server\n    reason: "   "\n`)).toMatch(/FILE:3: ignores\[0\]\.reason: reason is required/);
  });

  it('reports every problem at once: unknown keys, bad dates, unknown rules', () => {
    const msg = loadError(`ignores:
  - rule: config/disabled-server
    reason: r
    until: 31/12/2030
  - rule: config/no-such-rule
    reason: r
  - rule: config/disabled-server
    reason: r
    sever: typo
  - rule: config/disabled-server
    reason: r
    until: 2030-02-30
`);
    expect(msg).toContain('FILE:4: ignores[0].until: until must be a date written YYYY-MM-DD');
    expect(msg).toContain('FILE:7: ignores[2]: Unrecognized key: "sever"');
    expect(msg).toContain('FILE:12: ignores[3].until: until is not a real date');
  });

  it('an ignore for a rule that does not exist is an error naming the line', () => {
    expect(loadError(`ignores:\n  - rule: config/no-such-rule\n    reason: r\n`)).toContain(
      'FILE:2: ignores[0].rule: no rule matches "config/no-such-rule"',
    );
    expect(loadError(`ignores:\n  - rule: "nothing/*"\n    reason: r\n`)).toContain('no rule matches "nothing/*"');
  });

  it('malformed YAML is an error with the line', () => {
    expect(loadError(`ignores:\n  - rule: [unclosed\n    reason: r\n`)).toMatch(/FILE:\d+: invalid YAML/);
  });

  it('a top-level typo is caught', () => {
    expect(loadError(`ignore:\n  - rule: config/disabled-server\n`)).toContain('FILE:1: Unrecognized key: "ignore"');
  });

  it('is found in the working directory (.yaml, then .yml), or given explicitly', () => {
    const yaml = settingsFile('ignores: []\n');
    const dir = join(yaml, '..');
    expect(findSettingsFile(dir)).toBe(yaml);
    const yml = settingsFile('ignores: []\n', '.mcp-warden.yml');
    expect(findSettingsFile(join(yml, '..'))).toBe(yml);
    expect(findSettingsFile(mkdtempSync(join(tmpdir(), 'warden-none-')))).toBeUndefined();
    expect(findSettingsFile(dir, '/explicit.yaml')).toBe('/explicit.yaml');
  });

  it('an empty file means no ignores', () => {
    expect(loadSettings(settingsFile(''), RULES).ignores).toEqual([]);
  });
});
