/**
 * @module store/migrations
 * Schema versions per component. Each concern (TOFU snapshots, audit, …) owns its tables and an
 * ordered list of migrations; the `schema_versions` table records how far each component got.
 * Components are independent, so adding one never renumbers another's migrations.
 */
import type Database from 'better-sqlite3';
import { WardenError, WardenErrorCode } from '../model/errors.js';

export interface Migration {
  /** 1, 2, 3, … in order; never reuse or renumber a shipped version. */
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export interface StoreComponent {
  /** Stable name, e.g. `pin-snapshots`, `audit`. */
  name: string;
  migrations: readonly Migration[];
}

/** Applies every pending migration of every component, each in its own transaction. */
export function migrate(db: Database.Database, components: readonly StoreComponent[], file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL, updated_at TEXT NOT NULL)');
  const get = db.prepare<[string], { version: number }>('SELECT version FROM schema_versions WHERE component = ?');
  const set = db.prepare('INSERT INTO schema_versions (component, version, updated_at) VALUES (?, ?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at');
  for (const c of components) {
    const latest = c.migrations.reduce((m, x) => Math.max(m, x.version), 0);
    // IMMEDIATE: two processes opening a fresh store at once must not both run the same migration.
    const step = db.transaction(() => {
      const current = get.get(c.name)?.version ?? 0;
      if (current > latest) {
        throw new WardenError(
          WardenErrorCode.InvalidInput,
          `${file}: the "${c.name}" tables are at schema version ${current}, written by a newer mcp-warden; this one understands up to version ${latest}`,
          { hint: 'upgrade mcp-warden, or point --state-dir at another directory' },
        );
      }
      for (const m of [...c.migrations].sort((a, b) => a.version - b.version)) {
        if (m.version <= current) continue;
        m.up(db);
        set.run(c.name, m.version, new Date().toISOString());
      }
    });
    step.immediate();
  }
}
