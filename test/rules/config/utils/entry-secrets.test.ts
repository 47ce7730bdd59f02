/**
 * @fileoverview How secretlint hits merge with the synchronous detectors: a format only secretlint
 * knows becomes a finding with the span redacted; a hit our patterns also see is reported once.
 */
import { describe, expect, it, vi } from 'vitest';
import { serverEntry } from '../../../../src/model/index.js';
import { REDACTED } from '../../../../src/analysis/secret-patterns.js';
import { findEntrySecrets, findEntrySecretsSync } from '../../../../src/rules/config/utils/entry-secrets.js';
import { cmd } from '../../../helpers/config-rule-tester.js';

const UNKNOWN = 'zq_7Hd9Kx2Lm4Np6Qr8St0Uv';

vi.mock('../../../../src/analysis/secretlint.js', () => ({
  // Pretend secretlint knows a format our patterns do not: it reports `zq_…` wherever it appears.
  secretlintScan: vi.fn(async (text: string) => {
    const hits = [];
    for (const m of text.matchAll(/zq_[A-Za-z0-9]+|ghp_[A-Za-z0-9]{36}/g)) hits.push({ rule: 'vendor', messageId: 'VENDOR_TOKEN', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return hits;
  }),
}));

describe('findEntrySecrets', () => {
  it('adds formats only secretlint knows, redacting the value', async () => {
    const e = serverEntry(cmd('node', ['s.js', `--flag ${UNKNOWN} tail`], { env: { SETTING: UNKNOWN } }));
    const found = await findEntrySecrets(e);
    expect(found.map((s) => [s.field.pointer, s.source, s.kind])).toEqual([
      ['/args/1', 'format', 'vendor credential (secretlint VENDOR_TOKEN)'],
      ['/env/SETTING', 'format', 'vendor credential (secretlint VENDOR_TOKEN)'],
    ]);
    expect(found[0]?.evidence).toBe(`args[1]=--flag ${REDACTED} tail`);
    for (const s of found) expect(s.evidence).not.toContain(UNKNOWN);
  });

  it('reports a field once when both detectors see the same secret', async () => {
    const e = serverEntry(cmd('node', ['s.js'], { env: { GH: 'ghp_R3alLook1ngT0kenF0rTheExamp1eOnly000' } }));
    const found = await findEntrySecrets(e);
    expect(found.map((s) => [s.field.pointer, s.kind])).toEqual([['/env/GH', 'GitHub personal access, OAuth, app or refresh token']]);
  });

  it('the sync path can leave out the entropy signal', () => {
    const e = serverEntry(cmd('node', ['s.js'], { env: { BLOB: 'q8Xr2LmZp4Vt7Nw1Ks9Hy3BcD6fG' } }));
    expect(findEntrySecretsSync(e).map((s) => s.source)).toEqual(['entropy']);
    expect(findEntrySecretsSync(e, { entropy: false })).toEqual([]);
  });
});
