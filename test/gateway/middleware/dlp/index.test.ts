import { describe, expect, it } from 'vitest';
import { dlp } from '../../../../src/gateway/middleware/dlp/index.js';
import { GatewayError } from '../../../../src/gateway/errors.js';
import { makeCtx, policyOf } from '../../helpers.js';

const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const redactPolicy = policyOf(`version: 1
dlp:
  pii:
    - id: email
      regex: "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\\\.[A-Za-z]{2,24}"
`);

describe('dlp middleware', () => {
  it('redacts secrets and PII in arguments to remote servers', async () => {
    const ctx = makeCtx({ server: 'web', target: 't', remote: true, params: { name: 't', arguments: { q: `use ${token}`, to: ['bob@example.com'] } } });
    let sent: unknown;
    await dlp({ policy: () => redactPolicy })(ctx, async () => {
      sent = structuredClone(ctx.params['arguments']);
    });
    expect(JSON.stringify(sent)).not.toContain(token);
    expect(sent).toEqual({ q: expect.stringContaining('ghp_***REDACTED***'), to: ['[REDACTED:email]'] });
    expect(ctx.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'dlp', id: 'github-token', where: 'arguments', action: 'redacted' })]));
  });

  it('leaves arguments to local servers alone with scope remote', async () => {
    const ctx = makeCtx({ server: 'fs', target: 't', remote: false, params: { name: 't', arguments: { q: token } } });
    await dlp({ policy: () => redactPolicy })(ctx, async () => {});
    expect(ctx.params['arguments']).toEqual({ q: token });
  });

  it('redacts secrets in results from any server', async () => {
    const ctx = makeCtx({ server: 'fs', target: 't' });
    await dlp({ policy: () => redactPolicy })(ctx, async () => {
      ctx.result = { content: [{ type: 'text', text: `key=${token}` }, { type: 'image', data: 'AAAA', mimeType: 'image/png' }] };
    });
    expect(JSON.stringify(ctx.result)).not.toContain(token);
    expect(ctx.findings[0]).toMatchObject({ where: 'result', id: 'github-token' });
  });

  it('blocks instead of redacting when the policy says so', async () => {
    const block = policyOf('version: 1\ndlp: { scope: all, arguments: block, results: block }\n');
    const ctx = makeCtx({ server: 'fs', target: 't', params: { name: 't', arguments: { q: token } } });
    let forwarded = false;
    const err = await dlp({ policy: () => block })(ctx, async () => {
      forwarded = true;
    }).catch((e: unknown) => e);
    expect(forwarded).toBe(false);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).message).not.toContain(token);
    const res = makeCtx({ server: 'fs', target: 't' });
    await expect(
      dlp({ policy: () => block })(res, async () => {
        res.result = { content: [{ type: 'text', text: token }] };
      }),
    ).rejects.toThrow(/Result of .* blocked/);
    expect(res.result).toBeUndefined();
  });

  it('does nothing when off', async () => {
    const off = policyOf('version: 1\ndlp: { arguments: off, results: off }\n');
    const ctx = makeCtx({ remote: true, params: { name: 't', arguments: { q: token } } });
    await dlp({ policy: () => off })(ctx, async () => {
      ctx.result = { content: [{ type: 'text', text: token }] };
    });
    expect(JSON.stringify(ctx.result)).toContain(token);
  });
});
