/**
 * @module app/save-inventory
 * Writes live snapshots as an inventory file (`{"servers":[{name, instructions?, transport?,
 * serverInfo?, protocolVersion?, tools, prompts?, resources?, resourceTemplates?, capturedAt?}]}`),
 * the format `scan --inventory`, pinning and CI read back. An existing file is kept as
 * `<file>.bak`; the new one is written to a temp file and renamed into place.
 */
import { copyFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { ServerSnapshot } from '../model/index.js';

export interface InventoryServer {
  name: string;
  instructions?: string;
  transport?: 'stdio' | 'http' | 'sse';
  serverInfo?: Record<string, unknown>;
  protocolVersion?: string;
  tools: unknown[];
  prompts?: unknown[];
  resources?: unknown[];
  resourceTemplates?: unknown[];
  capturedAt?: string;
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
      ...(s.transport !== undefined ? { transport: s.transport } : {}),
      ...(s.serverInfo !== undefined ? { serverInfo: s.serverInfo } : {}),
      ...(s.protocolVersion !== undefined ? { protocolVersion: s.protocolVersion } : {}),
      tools: s.tools,
      ...(s.prompts.length > 0 ? { prompts: s.prompts } : {}),
      ...(s.resources.length > 0 ? { resources: s.resources } : {}),
      ...(s.resourceTemplates.length > 0 ? { resourceTemplates: s.resourceTemplates } : {}),
      ...(s.capturedAt !== undefined ? { capturedAt: s.capturedAt } : {}),
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
