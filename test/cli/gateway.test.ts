// `mcp-warden gateway` and `mcp-warden audit` as a user runs them (built CLI): a gateway.yaml with a
// sandboxed stdio upstream served over streamable HTTP on an ephemeral loopback port, a real SDK
// client, SIGTERM with a call still in flight, then the audit log queried by server, tool, decision
// and time. Also: refusing to listen beyond loopback without a token.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ProtocolError, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'gateway', 'upstream.mjs');
const TOKEN = 'gateway-cli-test-token-0123456789';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(extra = ''): string {
  const file = join(dir, 'gateway.yaml');
  writeFileSync(
    join(dir, 'policy.yaml'),
    'version: 1\nrules:\n  - { id: no-writes, server: fx, tool: write_file, action: deny, reason: read-only session }\n',
  );
  writeFileSync(
    file,
    `version: 1
listen:
  http:
    port: 0
    tokens:
      - { name: ci, token: "\${GW_TEST_TOKEN}" }
policy: ./policy.yaml
audit: { db: ./audit.db, jsonl: ./audit.jsonl }
servers:
  fx:
    command: ${JSON.stringify(process.execPath)}
    args: [${JSON.stringify(FIXTURE)}]
    env: { FIXTURE_NAME: fx }
${extra}`,
  );
  return file;
}

function audit(args: string[]): Array<Record<string, unknown>> {
  const r = spawnSync(process.execPath, [CLI, 'audit', '--db', join(dir, 'audit.db'), '--format', 'json', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

describe('mcp-warden gateway (built CLI)', () => {
  it('serves a sandboxed upstream over HTTP, stops cleanly on SIGTERM with every record kept, and audit queries them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-gw-cli-'));
    const config = writeConfig();
    const child = spawn(process.execPath, [CLI, 'gateway', '--config', config], { env: { ...process.env, GW_TEST_TOKEN: TOKEN, HOME: dir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`gateway exited ${String(code)}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const client = new Client({ name: 'cli-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } }));
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('fx__echo');
    for (let i = 0; i < 10; i++) await client.callTool({ name: 'fx__echo', arguments: { text: `n${i}` } });
    const denied = await client.callTool({ name: 'fx__write_file', arguments: { path: '/x', content: 'y' } }).catch((e: unknown) => e);
    expect((denied as ProtocolError).message).toMatch(/read-only session/);
    const hanging = client.callTool({ name: 'fx__hang', arguments: {} }).catch((e: unknown) => e);
    await client.callTool({ name: 'fx__echo', arguments: { text: 'last' } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await hanging;
    expect(stderr).toMatch(/stopping \(SIGTERM\)/);

    const all = audit(['--limit', '1000']);
    expect(all).toHaveLength(13); // 11 echo + write_file + hang
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n')).toHaveLength(13);
    expect(all.every((r) => r['principal'] === 'ci' && r['server'] === 'fx')).toBe(true);
    expect(audit(['--decision', 'deny']).map((r) => r['target'])).toEqual(['write_file']);
    expect(audit(['--tool', 'echo', '--limit', '1000'])).toHaveLength(11);
    expect(audit(['--tool', 'hang'])[0]?.['error']).toMatch(/shutting down|abort|cancel/i);
    expect(audit(['--server', 'other'])).toEqual([]);
    expect(audit(['--since', '1h', '--limit', '1000'])).toHaveLength(13);
    expect(audit(['--until', '1h'])).toEqual([]);
  }, 90_000);

  it('will not listen beyond loopback without a bearer token (exit 2, says why)', () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-gw-cli-'));
    const config = join(dir, 'open.yaml');
    writeFileSync(config, `version: 1\nlisten:\n  http: { host: 0.0.0.0, port: 0 }\nservers:\n  fx: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(FIXTURE)}] }\n`);
    const r = spawnSync(process.execPath, [CLI, 'gateway', '--config', config], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/requires at least one bearer token/);
  });
});
