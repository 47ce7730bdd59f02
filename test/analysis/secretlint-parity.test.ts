/**
 * @fileoverview Two parities with secretlint's recommended preset, on samples of every format it
 * reports (generated here: no real credentials in the repo):
 * - whatever it reports is also redacted by the fast synchronous path (secrets.ts), so a finding
 *   produced from a secretlint hit never leaks through a reporter;
 * - the keyword prefilter in secretlint.ts loses nothing: each sample gives the same hits with the
 *   prefilter on and off, and texts the prefilter skips give no hit when linted anyway.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mayHoldSecretlintSecret, secretlintScan } from '../../src/analysis/secretlint.js';
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
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

/**
 * Preset rules that cannot report on the text we lint, and why. Any other preset rule must have a
 * sample below, so a preset upgrade that adds a format fails here until the prefilter and the
 * redaction patterns are checked against it.
 */
const RULES_THAT_CANNOT_FIRE: Record<string, string> = {
  'filter-comments': 'excluded in secretlint.ts: it lets the scanned text switch detection off',
  gcp: 'reads only `.json` and `.p12` files; we lint with no extension',
};

/** [secretlint rule, text to lint, the secret part that must not survive redaction]. */
const SAMPLES: Array<[string, string, string]> = [
  ['aws', `aws_secret_access_key: "${rand(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+')}"`, ''],
  ['aws', `SecretAccessKey=${rand(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 11)}`, ''],
  ['github', `token ghp_${rand(36)}`, ''],
  ['github', `gho_${rand(36, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 5)}`, ''],
  ['github', `token github_pat_${rand(82, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_')}`, ''],
  ['npm', `npm_${rand(36)}`, ''],
  ['slack', `xoxb-1234567890-1234567890-${rand(24)}`, ''],
  ['slack', `xapp-1-A0123456789-1234567890123-${rand(64, '0123456789abcdef')}`, ''],
  ['slack', `https://hooks.slack.com/services/T${rand(8)}/B${rand(8)}/${rand(24)}`, ''],
  ['basicauth', 'https://deploy:S3cretPass9@example.com/path', 'S3cretPass9'],
  ['openai', `sk-${rand(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 17)}T3BlbkFJ${rand(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 19)}`, ''],
  ['openai', `sk-proj-${rand(74, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}T3BlbkFJ${rand(74, 'abcdefghijklmnopqrstuvwxyz0123456789', 3)}`, ''],
  ['anthropic', `sk-ant-api03-${rand(93, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}AA`, ''],
  ['linear', `lin_api_${rand(40)}`, ''],
  ['privatekey', pem.trim(), ''],
  ['privatekey', rsaPem.trim(), ''],
  ['privatekey', JSON.stringify(pem.trim()).slice(1, -1), ''],
  ['sendgrid', `SG.${rand(22)}.${rand(43)}`, ''],
  ['shopify', `shpat_${rand(32, '0123456789abcdef')}`, ''],
  ['1password', onePasswordToken(), ''],
  ['database-connection-string', 'mongodb://app:Sup3rS3cret@cluster0.example.net/db', 'Sup3rS3cret'],
  ['database-connection-string', 'mongodb+srv://app:Sup3rS3cret@cluster0.example.net/db?retryWrites=true', 'Sup3rS3cret'],
  ['database-connection-string', 'mysql://app:Sup3rS3cret@db.example.net:3306/app', 'Sup3rS3cret'],
  ['database-connection-string', 'jdbc:mysql://app:Sup3rS3cret@db.example.net:3306/app', 'Sup3rS3cret'],
  ['database-connection-string', 'postgresql://app:Sup3rS3cret@db.example.net/app', 'Sup3rS3cret'],
];

describe('secretlint parity', () => {
  it('has a sample for every rule of the preset that can fire', async () => {
    const preset = await import('@secretlint/secretlint-rule-preset-recommend');
    const ids = preset.rules.map((r) => r.meta.id.replace('@secretlint/secretlint-rule-', ''));
    const sampled = new Set(SAMPLES.map(([rule]) => rule));
    expect(ids.filter((id) => !(id in RULES_THAT_CANNOT_FIRE) && !sampled.has(id))).toEqual([]);
    expect(Object.keys(RULES_THAT_CANNOT_FIRE).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(SAMPLES.map(([rule, text], i) => [`${rule} #${i + 1}`, text] as const))('%s: the prefilter keeps it and loses no hit', async (_n, text) => {
    expect(mayHoldSecretlintSecret(text)).toBe(true);
    // Embedded in a longer value, as in a config, and in other letter cases where the preset ignores case.
    for (const t of [text, `--token=${text} --verbose`]) {
      expect(await secretlintScan(t)).toEqual(await secretlintScan(t, { prefilter: false }));
    }
  });

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

  it('skips texts without keywords, and linting them anyway finds nothing', async () => {
    const launchLines = [
      'npx -y @modelcontextprotocol/server-filesystem@2025.7.1 /home/u/projects',
      'uvx mcp-server-fetch==2025.4.7',
      'docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server',
      'https://mcp.example.com/mcp\nAuthorization=Bearer ${API_TOKEN}',
      'GITHUB_PERSONAL_ACCESS_TOKEN=${input:github_token}',
    ];
    // Secret-shaped values with the keyword broken: the near misses a prefilter is most likely to drop wrongly.
    const nearMisses = [
      `ghp${rand(40)}`,
      `npm-${rand(36)}`,
      `SG_${rand(22)}.${rand(43)}`,
      `sk_${rand(48)}T3BlbkFJ${rand(20)}`,
      `https://deploy:S3cretPass9-example.com/path`,
      `aws_secret_key: "${rand(40)}"`,
      `BEGIN RSA PRIVATE KEY ${rand(200)}`,
      `ops-ey${rand(200)}`,
    ];
    // And random text over an alphabet rich in the characters secrets are made of.
    const random = Array.from({ length: 200 }, (_, i) => rand(60 + (i % 40), 'AGHIKNOPRSTXabeghiknoprstxy0123456789_-.:/=+ ', 1000 + i));
    const skipped = [...launchLines, ...nearMisses, ...random].filter((t) => !mayHoldSecretlintSecret(t));
    expect(skipped.length).toBeGreaterThanOrEqual(launchLines.length + nearMisses.length);
    for (const t of [...launchLines, ...nearMisses]) expect(mayHoldSecretlintSecret(t)).toBe(false);
    for (const t of skipped) {
      expect(await secretlintScan(t)).toEqual([]);
      expect(await secretlintScan(t, { prefilter: false })).toEqual([]);
    }
  });

  it('reports nothing on ordinary launch lines', async () => {
    expect(await secretlintScan('npx -y @modelcontextprotocol/server-github@2025.4.8\n${GITHUB_TOKEN}\nhttp://localhost:3000/mcp')).toEqual([]);
  });
});
