import { describe, expect, it } from 'vitest';
import { applySuppressions, isExpired } from '../../src/suppress/apply.js';
import { baselineKey } from '../../src/suppress/baseline.js';
import type { LoadedSettings } from '../../src/suppress/settings.js';
import { finding } from '../helpers/sample-report.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOME = '/home/u';
const settings = (ignores: LoadedSettings['ignores']): LoadedSettings => ({ file: '/repo/.mcp-warden.yaml', ignores });

const github = finding({ ruleId: 'config/secret-literal', location: { file: '/repo/.mcp.json', line: 3, client: 'claude-code', server: 'github' } });
const tool = finding({
  ruleId: 'tool/hidden-instructions',
  location: { file: '/repo/inv.json', line: 9, client: 'cursor', server: 'notes', tool: 'save_note' },
});
const userScope = finding({ ruleId: 'config/secret-literal', location: { file: '/home/u/.cursor/mcp.json', line: 2, client: 'cursor', server: 'github' } });

describe('applySuppressions', () => {
  it('an ignore suppresses what all its fields match, and records the reason', () => {
    const out = applySuppressions([github, tool, userScope], {
      settings: settings([{ rule: 'config/secret-literal', reason: 'test token', client: 'claude-code', line: 4 }]),
      now: NOW,
      home: HOME,
    });
    expect(out.kept).toEqual([tool, userScope]);
    expect(out.info.findings).toEqual([
      expect.objectContaining({ ruleId: 'config/secret-literal', server: 'github', by: 'ignore', reason: 'test token', ignoreLine: 4 }),
    ]);
    expect(out.info.ignores).toEqual([{ rule: 'config/secret-literal', reason: 'test token', line: 4, status: 'applied', suppressed: 1 }]);
  });

  it('matches rule, server, tool and client globs', () => {
    const only = (ig: Parameters<typeof settings>[0][number]) =>
      applySuppressions([github, tool, userScope], { settings: settings([ig]), now: NOW, home: HOME }).kept;
    expect(only({ rule: 'tool/*', reason: 'r' })).toEqual([github, userScope]);
    expect(only({ rule: '*/*', reason: 'r', tool: 'save_*' })).toEqual([github, userScope]);
    expect(only({ rule: '*/*', reason: 'r', server: 'git*' })).toEqual([tool]);
    expect(only({ rule: '*/*', reason: 'r', client: 'cursor' })).toEqual([github]);
  });

  it('matches file globs relative to the settings file, absolute, or under ~/', () => {
    const only = (file: string) => applySuppressions([github, tool, userScope], { settings: settings([{ rule: '*/*', reason: 'r', file }]), now: NOW, home: HOME }).kept;
    expect(only('.mcp.json')).toEqual([tool, userScope]);
    expect(only('**/*.json')).toEqual([userScope]); // the home file is outside the settings directory
    expect(only('~/.cursor/*.json')).toEqual([github, tool]);
    expect(only('/repo/inv.json')).toEqual([github, userScope]);
  });

  it('an expired ignore stops applying and is reported as expired', () => {
    const out = applySuppressions([github], {
      settings: settings([{ rule: 'config/secret-literal', reason: 'until rotation', until: '2026-03-09', line: 2 }]),
      now: NOW,
      home: HOME,
    });
    expect(out.kept).toEqual([github]);
    expect(out.info.ignores[0]).toMatchObject({ status: 'expired', until: '2026-03-09', suppressed: 0 });
  });

  it('an ignore is valid through its until date (inclusive, UTC)', () => {
    expect(isExpired('2026-03-10', NOW)).toBe(false);
    expect(isExpired('2026-03-09', NOW)).toBe(true);
    expect(isExpired(undefined, NOW)).toBe(false);
  });

  it('an ignore that matched nothing is reported as unused', () => {
    const out = applySuppressions([github], { settings: settings([{ rule: 'tool/*', reason: 'old' }]), now: NOW, home: HOME });
    expect(out.info.ignores[0]).toMatchObject({ status: 'unused', suppressed: 0 });
  });

  it('the baseline suppresses by portable fingerprint', () => {
    const baseline = { file: '/repo/baseline.json', keys: new Set([baselineKey(github, '/repo', HOME)]) };
    const out = applySuppressions([github, tool], { baseline, now: NOW, home: HOME });
    expect(out.kept).toEqual([tool]);
    expect(out.info.findings).toEqual([expect.objectContaining({ by: 'baseline', server: 'github' })]);
    expect(out.info.baselineFile).toBe('/repo/baseline.json');
  });
});

describe('baselineKey', () => {
  it('ignores the line and the checkout location, and changes with the place or the rule', () => {
    const moved = { ...github, location: { ...github.location, line: 13 } };
    expect(baselineKey(moved, '/repo', HOME)).toBe(baselineKey(github, '/repo', HOME));
    const elsewhere = { ...github, location: { ...github.location, file: '/ci/checkout/.mcp.json' } };
    expect(baselineKey(elsewhere, '/ci/checkout', HOME)).toBe(baselineKey(github, '/repo', HOME));
    expect(baselineKey({ ...github, location: { ...github.location, server: 'gitlab' } }, '/repo', HOME)).not.toBe(baselineKey(github, '/repo', HOME));
    expect(baselineKey({ ...github, ruleId: 'config/other' }, '/repo', HOME)).not.toBe(baselineKey(github, '/repo', HOME));
    const otherHome = { ...userScope, location: { ...userScope.location, file: '/Users/v/.cursor/mcp.json' } };
    expect(baselineKey(otherHome, '/repo', '/Users/v')).toBe(baselineKey(userScope, '/repo', HOME));
  });
});
