import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_DB_NAME, openStore } from '../../src/store/db.js';
import type { Migration, StoreComponent } from '../../src/store/migrations.js';

const dir = () => join(mkdtempSync(join(tmpdir(), 'warden-store-')), 'state');

const notes = (versions: number): StoreComponent => ({
  name: 'notes',
  migrations: ([
    { version: 1, description: 'notes table', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)') },
    { version: 2, description: 'author column', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN author TEXT') },
  ] satisfies Migration[]).slice(0, versions),
});

describe('openStore', () => {
  it('creates a private directory and database, and records each component version', () => {
    const d = dir();
    const store = openStore(d);
    const rows = store.db.prepare('SELECT component, version FROM schema_versions').all();
    store.close();
    expect(rows).toEqual([{ component: 'pin-snapshots', version: 1 }]);
    if (process.platform !== 'win32') {
      expect(statSync(d).mode & 0o777).toBe(0o700);
      expect(statSync(join(d, STATE_DB_NAME)).mode & 0o777).toBe(0o600);
    }
  });

  it('applies only pending migrations, per component, so components never renumber each other', () => {
    const d = dir();
    openStore(d, [notes(1)]).close();
    const store = openStore(d, [notes(2)]);
    store.db.prepare('INSERT INTO notes (text, author) VALUES (?, ?)').run('x', 'ada');
    expect(store.db.prepare("SELECT version FROM schema_versions WHERE component = 'notes'").get()).toEqual({ version: 2 });
    store.close();
    // Reopening runs nothing again (a second ALTER TABLE would throw).
    openStore(d, [notes(2)]).close();
  });

  it('refuses a database written by a newer mcp-warden, naming the component and versions', () => {
    const d = dir();
    openStore(d, [notes(2)]).close();
    expect(() => openStore(d, [notes(1)])).toThrow(/the "notes" tables are at schema version 2, written by a newer mcp-warden; this one understands up to version 1/);
  });

  it('says so when the file is not a database', () => {
    const d = dir();
    openStore(d).close();
    writeFileSync(join(d, STATE_DB_NAME), 'this is not sqlite '.repeat(100));
    expect(() => openStore(d)).toThrow(/not a valid state database/);
  });
});
