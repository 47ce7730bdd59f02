/**
 * @module app/pin-inventory
 * Reads an inventory file (`{"servers":[{name, instructions?, tools, prompts?, resources?, …}]}`)
 * into ServerSnapshots. Problems become ScanErrors naming the file, line and server; the servers
 * that parse are still returned.
 */
import { parseJsonDocument } from '../discovery/document.js';
import { readConfigFile } from '../discovery/read-config-file.js';
import { ServerSnapshotSchema, type ScanError, type ServerSnapshot } from '../model/index.js';

export interface InventoryResult {
  snapshots: ServerSnapshot[];
  errors: ScanError[];
}

export async function loadInventory(file: string): Promise<InventoryResult> {
  const read = await readConfigFile(file);
  if (read.status === 'absent') return { snapshots: [], errors: [{ kind: 'read', source: file, message: `${file}: inventory file not found` }] };
  if (read.status === 'error') return { snapshots: [], errors: [read.error] };
  const parsed = parseJsonDocument(file, read.text, 'json');
  if (!parsed.ok) return { snapshots: [], errors: [parsed.error] };
  const doc = parsed.doc;
  const root = doc.value as { servers?: unknown } | null;
  if (typeof root !== 'object' || root === null || !Array.isArray(root.servers)) {
    return { snapshots: [], errors: [{ kind: 'invalid', source: file, line: 1, message: `${file}: expected an object with a "servers" array` }] };
  }
  const snapshots: ServerSnapshot[] = [];
  const errors: ScanError[] = [];
  root.servers.forEach((raw: unknown, i: number) => {
    const parsedServer = ServerSnapshotSchema.safeParse({ ...(typeof raw === 'object' && raw !== null ? raw : { name: undefined }), source: 'inventory' });
    const name = typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : `#${i}`;
    if (parsedServer.success) {
      snapshots.push(parsedServer.data);
      return;
    }
    const issue = parsedServer.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const line = doc.lineOf(['servers', i, ...path]) ?? doc.lineOf(['servers', i]);
    errors.push({
      kind: 'invalid',
      source: file,
      server: name,
      ...(line !== undefined ? { line } : {}),
      message: `${file}${line !== undefined ? `:${line}` : ''}: server "${name}": ${path.length > 0 ? `${path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`,
    });
  });
  return { snapshots, errors };
}

/** Loads every inventory file given to `pin --inventory` into one set of inputs. */
export async function loadInventories(files: readonly string[]): Promise<{ snapshots: ServerSnapshot[]; errors: ScanError[]; files: string[] }> {
  const results = await Promise.all(files.map(loadInventory));
  return { snapshots: results.flatMap((r) => r.snapshots), errors: results.flatMap((r) => r.errors), files: [...files] };
}
