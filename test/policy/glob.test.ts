import { describe, expect, it } from 'vitest';
import { compileGlobs, globMatch } from '../../src/policy/glob.js';

describe('globMatch', () => {
  it('matches literals, * and ?', () => {
    expect(globMatch('read_file', 'read_file')).toBe(true);
    expect(globMatch('read_*', 'read_file')).toBe(true);
    expect(globMatch('read_*', 'write_file')).toBe(false);
    expect(globMatch('*_file', 'read_file')).toBe(true);
    expect(globMatch('r??d_*', 'read_x')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*b*c', 'aXXbYYc')).toBe(true);
    expect(globMatch('a*b*c', 'aXXbYY')).toBe(false);
  });

  it('stays fast on adversarial input', () => {
    const text = 'a'.repeat(20_000);
    const t0 = performance.now();
    expect(globMatch('*a*a*a*a*a*b', text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('compiles lists', () => {
    const m = compileGlobs(['read_*', 'list_directory']);
    expect(m('read_x')).toBe(true);
    expect(m('list_directory')).toBe(true);
    expect(m('delete')).toBe(false);
    expect(compileGlobs('*')('anything')).toBe(true);
  });
});
