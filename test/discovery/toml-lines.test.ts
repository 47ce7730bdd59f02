import { describe, expect, it } from 'vitest';
import { splitTomlKey, tomlLineLocator } from '../../src/discovery/toml-lines.js';

describe('splitTomlKey', () => {
  it('splits bare, quoted and dotted keys', () => {
    expect(splitTomlKey('mcp_servers.github')).toEqual(['mcp_servers', 'github']);
    expect(splitTomlKey(' mcp_servers . "figma.remote" ')).toEqual(['mcp_servers', 'figma.remote']);
    expect(splitTomlKey("a.'b c'.d")).toEqual(['a', 'b c', 'd']);
    expect(splitTomlKey('a..b')).toBeUndefined();
    expect(splitTomlKey('"open')).toBeUndefined();
  });
});

describe('tomlLineLocator', () => {
  const text = [
    'model = "x"', // 1
    '[mcp_servers.a]', // 2
    'command = "npx"', // 3
    'args = [', // 4
    '  "[not a header]",', // 5
    '  "command = fake",', // 6
    ']', // 7
    'env = { TOKEN = "t" }', // 8
    'description = """', // 9
    'url = "https://not-a-key"', // 10
    '"""', // 11
    'url = "https://real"', // 12
    '[mcp_servers.a.env]', // 13
    'EXTRA = "1"', // 14
    '[mcp_servers."b.c"]', // 15
    'http_headers.Authorization = "Bearer x"', // 16
  ].join('\n');
  const lineOf = tomlLineLocator(text);

  it('points at headers, keys, inline tables and dotted keys', () => {
    expect(lineOf(['mcp_servers', 'a'])).toBe(2);
    expect(lineOf(['mcp_servers', 'a', 'command'])).toBe(3);
    expect(lineOf(['mcp_servers', 'a', 'args'])).toBe(4);
    expect(lineOf(['mcp_servers', 'a', 'args', 0])).toBe(5);
    expect(lineOf(['mcp_servers', 'a', 'args', 1])).toBe(6);
    expect(lineOf(['mcp_servers', 'a', 'env', 'TOKEN'])).toBe(8);
    expect(lineOf(['mcp_servers', 'a', 'env', 'EXTRA'])).toBe(14);
    expect(lineOf(['mcp_servers', 'a', 'env'])).toBe(8);
    expect(lineOf(['mcp_servers', 'b.c'])).toBe(15);
    expect(lineOf(['mcp_servers', 'b.c', 'http_headers', 'Authorization'])).toBe(16);
    expect(lineOf(['model'])).toBe(1);
  });

  it('does not read array items or multi-line strings as keys or headers', () => {
    expect(lineOf(['mcp_servers', 'a', 'url'])).toBe(12);
  });

  it('points at each element of a multi-line array, whatever the strings hold', () => {
    const t = [
      '[mcp_servers.x]', // 1
      'args = [ "-y",', // 2
      `  '#not-a-comment', "a]b",`, // 3
      '  # a comment, with commas', // 4
      '  """multi', // 5
      'line, ]""",', // 6
      '  ["nested", 1], { k = "v" }', // 7
      ']', // 8
      'command = "after"', // 9
    ].join('\n');
    const at = tomlLineLocator(t);
    expect([0, 1, 2, 3, 4, 5].map((i) => at(['mcp_servers', 'x', 'args', i]))).toEqual([2, 3, 3, 5, 7, 7]);
    expect(at(['mcp_servers', 'x', 'args', 6])).toBe(2);
    expect(at(['mcp_servers', 'x', 'command'])).toBe(9);
  });

  it('returns undefined for paths that are not in the text', () => {
    expect(lineOf(['nothing', 'here'])).toBeUndefined();
  });
});
