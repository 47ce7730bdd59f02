import rule from '../../../src/rules/config/secrets-file-readable.js';
import { cmd, testConfigRule } from '../../helpers/config-rule-tester.js';

const GH = 'ghp_R3alLook1ngT0kenF0rTheExamp1eOnly000';
const withSecret = cmd('npx', ['-y', '@modelcontextprotocol/server-github'], { env: { GITHUB_PERSONAL_ACCESS_TOKEN: GH } });

testConfigRule(rule, {
  valid: [
    { name: 'owner-only file with a secret', entry: withSecret, ctx: { fileMode: 0o600 } },
    { name: 'world-readable file without secrets', entry: cmd('npx', ['-y', 'pkg'], { env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } }), ctx: { fileMode: 0o644 } },
    { name: 'mode unknown', entry: withSecret },
    { name: 'Windows: POSIX modes mean nothing', entry: withSecret, ctx: { fileMode: 0o666, platform: 'win32' } },
    { name: 'entropy-only values do not count', entry: cmd('node', ['s.js'], { env: { BLOB: 'q8Xr2LmZp4Vt7Nw1Ks9Hy3BcD6fG' } }), ctx: { fileMode: 0o644 } },
  ],
  invalid: [
    {
      name: 'world-readable',
      entry: withSecret,
      ctx: { fileMode: 0o100644 },
      reports: [{ messageId: 'readable', severity: 'high', data: { mode: '0644', who: 'every local user', fields: 'env.GITHUB_PERSONAL_ACCESS_TOKEN' }, evidence: 'mode 0644' }],
      secrets: [GH],
    },
    {
      name: 'group-readable only',
      entry: cmd('node', ['s.js'], { env: { DB_PASSWORD: 'hunter22' } }),
      ctx: { fileMode: 0o640 },
      reports: [{ messageId: 'readable', severity: 'medium', data: { who: 'its group' } }],
      secrets: ['hunter22'],
    },
  ],
});
