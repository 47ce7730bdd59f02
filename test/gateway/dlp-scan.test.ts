import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '@modelcontextprotocol/client';
import { httpSpec, startGateway, startHttpFixture, stdioSpec, type Harness, type HttpFixture } from './harness.js';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const POLICY = `version: 1
dlp:
  scope: remote
  arguments: redact
  results: redact
  pii:
    - id: email
      regex: "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\\\.[A-Za-z]{2,24}"
resultScan: { action: quarantine, minSeverity: high }
`;

describe('DLP and result scanning through the gateway', () => {
  let h: Harness;
  let remote: HttpFixture;
  beforeAll(async () => {
    remote = await startHttpFixture('remote');
    h = await startGateway({ upstreams: [stdioSpec('local'), httpSpec('remote', remote.url)], policy: POLICY });
  });
  afterAll(async () => {
    await h.close();
    remote.close();
  });

  it('redacts secrets and PII in arguments sent to a remote server', async () => {
    const c = await h.connect();
    const res = await c.callTool({ name: 'remote__echo', arguments: { text: `deploy with ${TOKEN} and mail ops@example.com` } });
    const received = (res.content as Array<{ text: string }>)[0]?.text ?? '';
    expect(received).not.toContain(TOKEN);
    expect(received).toContain('ghp_***REDACTED***');
    expect(received).toContain('[REDACTED:email]');
    expect(h.sink.records.at(-1)?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'dlp', where: 'arguments', id: 'github-token' })]));
  });

  it('leaves arguments to local servers alone (scope: remote) but still redacts their results', async () => {
    const c = await h.connect();
    const echoed = await c.callTool({ name: 'local__echo', arguments: { text: 'ops@example.com' } });
    // The result comes back through DLP too, so the echo of the email is redacted on the way out.
    expect((echoed.content as Array<{ text: string }>)[0]?.text).toContain('[REDACTED:email]');
    const res = await c.callTool({ name: 'local__secret', arguments: {} });
    expect((res.content as Array<{ text: string }>)[0]?.text).toBe('here is the key: ghp_***REDACTED***');
    expect(h.sink.records.at(-1)?.findings).toEqual([expect.objectContaining({ where: 'result', id: 'github-token', action: 'redacted' })]);
  });

  it('quarantines injected tool output and keeps the original for the audit store', async () => {
    const c = await h.connect();
    const res = await c.callTool({ name: 'remote__inject', arguments: {} });
    expect(res.isError).toBe(true);
    const text = (res.content as Array<{ text: string }>)[0]?.text ?? '';
    expect(text).toMatch(/quarantined/);
    expect(text).not.toMatch(/id_rsa/);
    const rec = h.sink.records.at(-1);
    expect(rec?.findings).toEqual([expect.objectContaining({ kind: 'scan', action: 'quarantined' })]);
    expect(JSON.stringify(rec?.quarantine)).toContain('id_rsa');
  });

  it('quarantines poisoned resource contents', async () => {
    const c = await h.connect();
    const read = await c.readResource({ uri: 'fixture://poisoned' });
    expect(read.contents[0]).toMatchObject({ mimeType: 'text/plain', text: expect.stringMatching(/quarantined/) });
  });

  it('blocks when DLP says block', async () => {
    h.policy.set((await import('../../src/policy/index.js')).compilePolicy((await import('../../src/policy/index.js')).parsePolicy('version: 1\ndlp: { results: block }\n', 'b.yaml')));
    const c = await h.connect();
    const err = await c.callTool({ name: 'local__secret', arguments: {} }).catch((e: unknown) => e);
    expect((err as ProtocolError).code).toBe(-32084);
    expect((err as ProtocolError).message).not.toContain(TOKEN);
  });
});
