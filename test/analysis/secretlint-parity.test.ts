/**
 * @fileoverview Whatever secretlint's recommended preset reports is also redacted by the fast
 * synchronous path (secrets.ts), so a finding produced from a secretlint hit never leaks through a
 * reporter. One sample per secretlint rule, generated here (no real credentials in the repo).
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretlintScan } from '../../src/analysis/secretlint.js';
import { redactSecrets } from '../../src/analysis/secrets.js';

/** Deterministic pseudo-random string over an alphabet (no secret is ever real). */
function rand(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', seed = n * 7919): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

function onePasswordToken(): string {
  // A JSON object whose base64 ends in `fQ==` (the closing brace alone in the last group).
  let json = `{"email":"svc@1passwordserviceaccounts.lcl","secretKey":"${rand(30)}","srpX":"${rand(64, '0123456789abcdef')}"}`;
  while (json.length % 3 !== 1) json = json.replace('{"', '{ "');
  return `ops_${Buffer.from(json).toString('base64')}`;
}

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

/** [secretlint rule, text to lint, the secret part that must not survive redaction]. */
const SAMPLES: Array<[string, string, string]> = [
  ['aws', `aws_secret_access_key: "${rand(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+')}"`, ''],
  ['github', `token ghp_${rand(36)}`, ''],
  ['github', `token github_pat_${rand(82, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_')}`, ''],
  ['npm', `npm_${rand(36)}`, ''],
  ['slack', `xoxb-1234567890-1234567890-${rand(24)}`, ''],
  ['slack', `https://hooks.slack.com/services/T${rand(8)}/B${rand(8)}/${rand(24)}`, ''],
  ['basicauth', 'https://deploy:S3cretPass9@example.com/path', 'S3cretPass9'],
  ['openai', `sk-proj-${rand(74, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}T3BlbkFJ${rand(74, 'abcdefghijklmnopqrstuvwxyz0123456789', 3)}`, ''],
  ['anthropic', `sk-ant-api03-${rand(93, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}AA`, ''],
  ['linear', `lin_api_${rand(40)}`, ''],
  ['privatekey', pem.trim(), ''],
  ['privatekey', JSON.stringify(pem.trim()).slice(1, -1), ''],
  ['sendgrid', `SG.${rand(22)}.${rand(43)}`, ''],
  ['shopify', `shpat_${rand(32, '0123456789abcdef')}`, ''],
  ['1password', onePasswordToken(), ''],
  ['database-connection-string', 'mongodb://app:Sup3rS3cret@cluster0.example.net/db', 'Sup3rS3cret'],
  ['database-connection-string', 'mysql://app:Sup3rS3cret@db.example.net:3306/app', 'Sup3rS3cret'],
  ['database-connection-string', 'postgresql://app:Sup3rS3cret@db.example.net/app', 'Sup3rS3cret'],
];

describe('secretlint parity', () => {
  it.each(SAMPLES.map(([rule, text, secret], i) => [`${rule} #${i + 1}`, rule, text, secret] as const))('%s: reported by secretlint and redacted by secrets.ts', async (_n, rule, text, secret) => {
    const hits = await secretlintScan(text);
    expect(hits.map((h) => h.rule)).toContain(rule);
    const redacted = redactSecrets(text);
    // The credential part of every hit is gone: the given secret, or the hit's text after its kept prefix.
    const parts = secret ? [secret] : hits.map((h) => text.slice(h.start, h.end).slice(8)).filter((p) => p.length >= 8);
    for (const part of parts) expect(redacted).not.toContain(part);
  });

  it('does not honour secretlint-disable comments in scanned text', async () => {
    const hits = await secretlintScan(`secretlint-disable\nnpm_${rand(36)}`);
    expect(hits.map((h) => h.rule)).toEqual(['npm']);
  });

  it('reports nothing on ordinary launch lines', async () => {
    expect(await secretlintScan('npx -y @modelcontextprotocol/server-github@2025.4.8\n${GITHUB_TOKEN}\nhttp://localhost:3000/mcp')).toEqual([]);
  });
});
