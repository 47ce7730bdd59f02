import rule from '../../../src/rules/config/filesystem-root.js';
import { cmd, testConfigRule } from '../../helpers/config-rule-tester.js';

const FS = '@modelcontextprotocol/server-filesystem@2025.7.1';

testConfigRule(rule, {
  valid: [
    { name: 'README: project directories', entry: cmd('npx', ['-y', FS, '/Users/me/Desktop', '/path/to/other/allowed/dir']), ctx: { home: '/Users/me', platform: 'darwin' } },
    { name: 'a project under the home', entry: cmd('npx', ['-y', FS, '/home/u/projects/app']) },
    { name: '~/Documents', entry: cmd('npx', ['-y', FS, '~/Documents']) },
    { name: 'Windows project folder', entry: cmd('cmd', ['/c', 'npx', '-y', FS, 'C:\\Users\\me\\Desktop']), ctx: { home: 'C:\\Users\\me', platform: 'win32' } },
    { name: 'docker: container paths (mounts are judged elsewhere)', entry: cmd('docker', ['run', '-i', '--rm', '--mount', 'type=bind,src=/home/u/projects,dst=/projects', 'mcp/filesystem', '/projects']) },
    { name: 'not a filesystem server', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-git@0.6.2', '--repository', '/']) },
    { name: 'a flag value that is not a directory', entry: cmd('npx', ['-y', FS, '--log-level', '/', '/home/u/work']) },
  ],
  invalid: [
    {
      name: 'root',
      entry: cmd('npx', ['-y', FS, '/'], { fieldLines: { 'args.2': 6 } }),
      reports: [{ messageId: 'granted', severity: 'critical', field: '/args/2', line: 6, data: { path: '/' }, attack: ['T1005', 'T1083', 'AML.T0037'], evidence: '/' }],
    },
    { name: 'the whole home', entry: cmd('npx', ['-y', FS, '/home/u']), reports: [{ messageId: 'granted', severity: 'high', data: { path: 'the home directory (/home/u)' } }] },
    { name: '~', entry: cmd('npx', ['-y', '@modelcontextprotocol/server-filesystem', '~']), reports: [{ messageId: 'granted', severity: 'high' }] },
    { name: 'every home', entry: cmd('npx', ['-y', FS, '/Users']), ctx: { home: '/Users/me', platform: 'darwin' }, reports: [{ messageId: 'granted', severity: 'critical' }] },
    { name: 'drive root on Windows via cmd /c', entry: cmd('cmd', ['/c', 'npx', '-y', FS, 'C:\\']), ctx: { home: 'C:\\Users\\me', platform: 'win32' }, reports: [{ messageId: 'granted', severity: 'critical', field: '/args/4', data: { path: 'C:\\' } }] },
    { name: 'Windows home', entry: cmd('npx', ['-y', FS, 'C:\\Users\\me']), ctx: { home: 'C:\\Users\\me', platform: 'win32' }, reports: [{ messageId: 'granted', severity: 'high' }] },
    { name: 'credential directory', entry: cmd('npx', ['-y', FS, '/home/u/projects', '/home/u/.ssh']), reports: [{ messageId: 'granted', severity: 'high', field: '/args/3', data: { path: '~/.ssh' } }] },
    { name: 'a fork by name', entry: cmd('npx', ['-y', '@cyanheads/filesystem-mcp-server@1.0.0', '/']), reports: [{ messageId: 'granted' }] },
    { name: 'installed binary', entry: cmd('mcp-filesystem-server', ['/']), reports: [{ messageId: 'granted' }] },
    { name: 'node running the built server', entry: cmd('node', ['/opt/servers/src/filesystem/dist/index.js', '/home/u']), reports: [{ messageId: 'granted' }] },
    { name: '--allowed-dir=/', entry: cmd('uvx', ['mcp-server-filesystem==1.0.0', '--allowed-dir=/']), reports: [{ messageId: 'granted', severity: 'critical' }] },
    { name: 'each path once', entry: cmd('npx', ['-y', FS, '/', '/']), reports: [{ messageId: 'granted' }] },
  ],
});
