import { describe, expect, it } from 'vitest';
import { defaultStateDir } from '../../src/store/paths.js';

describe('defaultStateDir', () => {
  it('uses $XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(defaultStateDir({ home: '/home/u', platform: 'linux', env: { XDG_DATA_HOME: '/data' } })).toBe('/data/mcp-warden');
    expect(defaultStateDir({ home: '/home/u', platform: 'linux', env: {} })).toBe('/home/u/.local/share/mcp-warden');
  });

  it('ignores an empty or relative XDG_DATA_HOME, as the XDG spec requires', () => {
    expect(defaultStateDir({ home: '/home/u', platform: 'linux', env: { XDG_DATA_HOME: '' } })).toBe('/home/u/.local/share/mcp-warden');
    expect(defaultStateDir({ home: '/home/u', platform: 'freebsd', env: { XDG_DATA_HOME: 'rel/dir' } })).toBe('/home/u/.local/share/mcp-warden');
  });

  it('uses Application Support on macOS and %LOCALAPPDATA% on Windows', () => {
    expect(defaultStateDir({ home: '/Users/u', platform: 'darwin', env: {} })).toBe('/Users/u/Library/Application Support/mcp-warden');
    expect(defaultStateDir({ home: 'C:/Users/u', platform: 'win32', env: { LOCALAPPDATA: 'C:/Users/u/AppData/Local' } })).toMatch(/AppData[\\/]Local[\\/]mcp-warden$/);
    expect(defaultStateDir({ home: 'C:/Users/u', platform: 'win32', env: {} })).toMatch(/AppData[\\/]Local[\\/]mcp-warden$/);
  });
});
