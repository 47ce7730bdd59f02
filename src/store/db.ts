/**
 * @module store/db
 * Opens the per-user SQLite state database (better-sqlite3): creates the directory private to the
 * user, sets WAL and a busy timeout so concurrent scans wait instead of failing, and migrates.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WardenError, WardenErrorCode } from '../model/index.js';
import { STORE_COMPONENTS } from './components.js';
import { migrate, type StoreComponent } from './migrations.js';

export const STATE_DB_NAME = 'state.db';

export interface Store {
  db: Database.Database;
  file: string;
  close(): void;
}

/** Opens (creating if needed) `<dir>/state.db` and applies every component's migrations. */
export function openStore(dir: string, components: readonly StoreComponent[] = STORE_COMPONENTS): Store {
  const file = join(dir, STATE_DB_NAME);
  let db: Database.Database;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    db = new Database(file);
    if (process.platform !== 'win32') chmodSync(file, 0o600);
  } catch (err) {
    throw new WardenError(WardenErrorCode.Io, `${file}: cannot open the state database: ${(err as Error).message}`, {
      hint: 'point --state-dir at a writable directory, or pass --no-state',
    });
  }
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, components, file);
  } catch (err) {
    db.close();
    if (err instanceof WardenError) throw err;
    const notDb = /file is not a database|malformed/i.test((err as Error).message);
    throw new WardenError(WardenErrorCode.InvalidInput, `${file}: ${notDb ? 'not a valid state database (corrupted?)' : (err as Error).message}`, {
      hint: 'delete it to start trusting from scratch, or point --state-dir elsewhere',
    });
  }
  return { db, file, close: () => db.close() };
}
