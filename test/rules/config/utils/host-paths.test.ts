import { describe, expect, it } from 'vitest';
import { classifyHostPath } from '../../../../src/rules/config/utils/host-paths.js';

const linux = { home: '/home/u', platform: 'linux' as const };
const mac = { home: '/Users/me', platform: 'darwin' as const };
const win = { home: 'C:\\Users\\me', platform: 'win32' as const };

describe('classifyHostPath', () => {
  it.each([
    ['/', linux, 'root'],
    ['//', linux, 'root'],
    ['C:\\', win, 'drive-root'],
    ['D:/', win, 'drive-root'],
    ['C:', win, 'drive-root'],
    ['/home', linux, 'all-homes'],
    ['/Users/', mac, 'all-homes'],
    ['C:\\Users', win, 'all-homes'],
    ['/home/u', linux, 'home'],
    ['/home/u/', linux, 'home'],
    ['~', linux, 'home'],
    ['$HOME', linux, 'home'],
    ['${HOME}', linux, 'home'],
    ['${userHome}', linux, 'home'],
    ['/Users/me', mac, 'home'],
    ['/home/someone-else', linux, 'home'],
    ['c:\\users\\ME', win, 'home'],
    ['%USERPROFILE%', win, 'home'],
    ['~/.ssh', linux, 'credentials'],
    ['$HOME/.aws/credentials', linux, 'credentials'],
    ['/var/run/docker.sock', linux, 'docker-socket'],
    ['/run/docker.sock', linux, 'docker-socket'],
    ['/etc', linux, 'system'],
  ])('%s → %s', (path, ctx, exposure) => expect(classifyHostPath(path, ctx)?.exposure).toBe(exposure));

  it.each([
    ['/home/u/projects', linux],
    ['~/Documents/notes', linux],
    ['/Users/me/Desktop', mac],
    ['C:\\Users\\me\\Desktop', win],
    ['/tmp', linux],
    ['/srv/data', linux],
    ['./data', linux],
    ['/etc/mcp/config.json', linux],
  ])('%s is an ordinary path', (path, ctx) => expect(classifyHostPath(path, ctx)).toBeUndefined());
});
