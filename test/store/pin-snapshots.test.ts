import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { PinSnapshotStore } from '../../src/store/pin-snapshots.js';
import { githubSnapshot, pinned } from '../helpers/pin-fixtures.js';

function fresh() {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'warden-snap-')), 'state'));
  return { store, snaps: new PinSnapshotStore(store.db, store.file) };
}

describe('PinSnapshotStore', () => {
  it('stores and reads back approved and pending snapshots per name and origin', () => {
    const { store, snaps } = fresh();
    const a = pinned(githubSnapshot());
    const b = pinned(githubSnapshot({ instructions: 'changed' }));
    snaps.put('claude-desktop:/c.json', 'approved', a, '2026-01-01T00:00:00.000Z', 'ada');
    snaps.put('claude-desktop:/c.json', 'pending', b, '2026-01-02T00:00:00.000Z');
    snaps.put('cursor:/d.json', 'approved', b, '2026-01-03T00:00:00.000Z', 'ada');
    expect(snaps.get('github', 'claude-desktop:/c.json', 'approved')).toMatchObject({ server: a, approvedBy: 'ada', firstSeen: '2026-01-01T00:00:00.000Z' });
    expect(snaps.get('github', 'claude-desktop:/c.json', 'pending')?.server).toEqual(b);
    expect(snaps.list('approved').map((r) => r.origin)).toEqual(['claude-desktop:/c.json', 'cursor:/d.json']);
    snaps.touch('github', 'claude-desktop:/c.json', '2026-02-01T00:00:00.000Z');
    expect(snaps.get('github', 'claude-desktop:/c.json', 'approved')?.lastSeen).toBe('2026-02-01T00:00:00.000Z');
    snaps.remove('github', 'claude-desktop:/c.json', 'pending');
    expect(snaps.get('github', 'claude-desktop:/c.json', 'pending')).toBeUndefined();
    store.close();
  });

  it('logs approvals in order', () => {
    const { store, snaps } = fresh();
    snaps.recordApprovals([
      { name: 'github', origin: 'o', target: 'server', old: null, new: `sha256:${'a'.repeat(64)}`, by: 'ada', at: 't1' },
      { name: 'github', origin: 'o', target: 'tool:x', change: 'tool-changed', old: `sha256:${'a'.repeat(64)}`, new: `sha256:${'b'.repeat(64)}`, by: 'bob', at: 't2' },
    ]);
    expect(snaps.approvals('github').map((a) => [a.target, a.by, a.change])).toEqual([
      ['server', 'ada', undefined],
      ['tool:x', 'bob', 'tool-changed'],
    ]);
    store.close();
  });

  it('names the server when a stored snapshot is corrupted', () => {
    const { store, snaps } = fresh();
    snaps.put('o', 'approved', pinned(githubSnapshot()), 't');
    store.db.prepare("UPDATE pin_snapshots SET body = '{\"name\": 1}'").run();
    expect(() => snaps.get('github', 'o', 'approved')).toThrow(/stored snapshot of server "github" \(o\) is corrupted/);
    store.close();
  });
});
