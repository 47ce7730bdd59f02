import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ProtocolError } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { LockfileVerifier } from '../../src/gateway/lockfile-verifier.js';
import { LOCKFILE_VERSION, ServerSnapshotSchema, type ServerSnapshotInput } from '../../src/model/index.js';
import { launchIdentity } from '../../src/pinning/identity.js';
import { serializeLockfile } from '../../src/pinning/lockfile.js';
import { pinServer } from '../../src/pinning/pin.js';
import { FIXTURE, startGateway, stdioSpec, type Harness } from './harness.js';

/** What the fixture advertises right now, read directly (not through the gateway). */
async function advertised(name: string): Promise<ServerSnapshotInput> {
  const c = new Client({ name: 'pinner', version: '1' });
  await c.connect(new StdioClientTransport({ command: process.execPath, args: [FIXTURE], env: { FIXTURE_NAME: name } }));
  try {
    return { name, source: 'live', tools: (await c.listTools()).tools };
  } finally {
    await c.close();
  }
}

function writeLock(file: string, snapshot: ServerSnapshotInput): void {
  const pinned = pinServer(ServerSnapshotSchema.parse(snapshot), launchIdentity({ transport: 'stdio', command: process.execPath, args: [FIXTURE] }));
  writeFileSync(file, serializeLockfile({ lockfileVersion: LOCKFILE_VERSION, generator: 'test', servers: [pinned], history: [] }));
}

describe('pin enforcement (rug pulls)', () => {
  let h: Harness;
  let dir: string;
  let lock: string;
  let snapshot: ServerSnapshotInput;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-pins-'));
    lock = join(dir, 'mcp-warden.lock');
    snapshot = await advertised('fs');
    // Pin everything except `echo`, which therefore counts as a new, unapproved tool.
    writeLock(lock, { ...snapshot, tools: (snapshot.tools ?? []).filter((t) => t.name !== 'echo') });
    h = await startGateway({ upstreams: [stdioSpec('fs')], pins: { verifier: new LockfileVerifier(lock), mode: 'enforce' } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides and refuses tools the lockfile does not list', async () => {
    const c = await h.connect();
    const names = (await c.listTools()).tools.map((t) => t.name);
    expect(names).toContain('fs__calculator');
    expect(names).not.toContain('fs__echo');
    const err = await c.callTool({ name: 'fs__echo', arguments: { text: 'x' } }).catch((e: unknown) => e);
    expect((err as ProtocolError).code).toBe(-32083);
    expect((err as ProtocolError).message).toMatch(/not in the lockfile/);
    expect(h.sink.records.at(-1)).toMatchObject({ decision: 'deny', rule: 'pinning' });
  });

  it('blocks a tool whose definition changes after tools/list_changed, until it is re-pinned', async () => {
    const c = await h.connect();
    expect((await c.callTool({ name: 'fs__calculator', arguments: { a: 1, b: 2 } })).content).toEqual([{ type: 'text', text: '3' }]);
    const changed = new Promise<void>((resolve) => c.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
    await c.callTool({ name: 'fs__rugpull', arguments: {} });
    await changed;
    expect((await c.listTools()).tools.map((t) => t.name)).not.toContain('fs__calculator');
    const err = await c.callTool({ name: 'fs__calculator', arguments: { a: 1, b: 2 } }).catch((e: unknown) => e);
    expect((err as ProtocolError).code).toBe(-32083);
    expect((err as ProtocolError).message).toMatch(/definition changed since it was pinned/);

    // A human reviews the change and re-pins (what `mcp-warden pin --update` does); the gateway reloads.
    const up = h.gateway.upstreams.get('fs');
    writeLock(lock, { ...snapshot, tools: up?.tools ?? [] });
    expect(h.gateway.reloadPins()).toBe(true);
    expect((await c.listTools()).tools.map((t) => t.name)).toEqual(expect.arrayContaining(['fs__calculator', 'fs__echo']));
    expect((await c.callTool({ name: 'fs__calculator', arguments: { a: 2, b: 2 } })).content).toEqual([{ type: 'text', text: '4' }]);
  });
});
