/**
 * @module app/save-inventory
 * Writes live snapshots as an inventory file (`{"servers":[{name, instructions?, tools, prompts?,
 * resources?}]}`), the format the offline scan, pinning and CI read back. An existing file is kept
 * as `<file>.bak`; the new one is written to a temp file and renamed into place.
 */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { ServerSnapshot } from '../model/index.js';

export interface InventoryServer {
  name: string;
  instructions?: string;
  tools: unknown[];
  prompts?: unknown[];
  resources?: unknown[];
}

export interface InventoryDocument {
  servers: InventoryServer[];
}

/** The inventory form of snapshots, in the given order. Empty lists of prompts and resources are left out. */
export function toInventory(snapshots: readonly ServerSnapshot[]): InventoryDocument {
  return {
    servers: snapshots.map((s) => ({
      name: s.name,
      ...(s.instructions !== undefined ? { instructions: s.instructions } : {}),
      tools: s.tools,
      ...(s.prompts.length > 0 ? { prompts: s.prompts } : {}),
      ...(s.resources.length > 0 ? { resources: s.resources } : {}),
    })),
  };
}

/** Writes the inventory; returns the backup path when an existing file was kept. */
export async function saveInventory(file: string, snapshots: readonly ServerSnapshot[]): Promise<{ backup?: string }> {
  const text = `${JSON.stringify(toInventory(snapshots), null, 2)}\n`;
  let backup: string | undefined;
  if (existsSync(file)) {
    backup = `${file}.bak`;
    await copyFile(file, backup);
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
  return backup !== undefined ? { backup } : {};
}
