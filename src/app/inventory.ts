/**
 * @fileoverview Reads inventory files (captured tool definitions) into ServerSnapshots. Invalid
 * files fail with the file, a JSON pointer and the reason (exit 2); tools with missing or odd
 * fields are kept and analysed (the rules report what is malformed).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { z } from 'zod';
import {
  InventoryFileSchema,
  InventoryServerSchema,
  ToolsListResultSchema,
  WardenError,
  WardenErrorCode,
  type InventoryServer,
  type ServerSnapshot,
  type ToolDefinition,
} from '../model/index.js';

/** Inventories larger than this are refused (a 100k-tool capture is about 50 MB). */
export const MAX_INVENTORY_BYTES = 512 * 1024 * 1024;

export interface LoadedInventory {
  /** Absolute path of the inventory file. */
  file: string;
  snapshots: ServerSnapshot[];
  /** Transport per server name, when the inventory says. */
  transports: Map<string, 'stdio' | 'http' | 'sse'>;
}

function invalid(file: string, pointer: string, reason: string): WardenError {
  return new WardenError(WardenErrorCode.InvalidInput, `invalid inventory ${file}: ${pointer || '/'}: ${reason}`, {
    hint: 'expected {"servers":[{"name":…,"tools":[…]}]}, an array of servers, or a tools/list result; see schema/inventory.schema.json',
  });
}

function pointerOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, prefix: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw invalid(file, prefix + pointerOf(issue?.path ?? []), issue?.message ?? 'invalid');
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i + 1;
    }
  }
  return `line ${line}, column ${offset - last + 1}`;
}

function toSnapshot(server: InventoryServer, file: string): ServerSnapshot {
  const tools = server.tools.map((t) => ({ ...t, name: typeof t.name === 'string' ? t.name : '' }) as ToolDefinition);
  const snapshot: ServerSnapshot = {
    name: server.name,
    source: 'inventory',
    entry: { client: 'inventory', configFile: file },
    tools,
    prompts: (server.prompts ?? []) as ServerSnapshot['prompts'],
    resources: (server.resources ?? []) as ServerSnapshot['resources'],
    resourceTemplates: (server.resourceTemplates ?? []) as ServerSnapshot['resourceTemplates'],
  };
  if (server.instructions !== undefined) snapshot.instructions = server.instructions;
  if (server.capturedAt !== undefined) snapshot.capturedAt = server.capturedAt;
  if (server.serverInfo !== undefined && typeof server.serverInfo['name'] === 'string') snapshot.serverInfo = server.serverInfo as ServerSnapshot['serverInfo'];
  return snapshot;
}

/** Parses inventory JSON text (any of the accepted shapes). `file` names it in errors and findings. */
export function parseInventory(text: string, file: string): LoadedInventory {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    throw invalid(file, '', `not valid JSON${m?.[1] ? ` (${lineCol(text, Number(m[1]))})` : ''}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let servers: InventoryServer[];
  if (Array.isArray(doc)) {
    servers = doc.map((s, i) => check(InventoryServerSchema, s, file, `/${i}`));
  } else if (doc !== null && typeof doc === 'object' && 'servers' in doc) {
    servers = check(InventoryFileSchema, doc, file, '').servers;
  } else if (doc !== null && typeof doc === 'object' && 'tools' in doc) {
    const result = check(ToolsListResultSchema, doc, file, '');
    servers = [{ name: basename(file, extname(file)), tools: result.tools }];
  } else if (doc !== null && typeof doc === 'object' && 'result' in doc && (doc as { result?: unknown }).result !== null && typeof (doc as { result?: unknown }).result === 'object') {
    const result = check(ToolsListResultSchema, (doc as { result: unknown }).result, file, '/result');
    servers = [{ name: basename(file, extname(file)), tools: result.tools }];
  } else {
    throw invalid(file, '', 'expected an object with "servers" or "tools", or an array of servers');
  }
  const seen = new Set<string>();
  servers.forEach((s, i) => {
    if (seen.has(s.name)) throw invalid(file, `/servers/${i}/name`, `duplicate server name "${s.name}"`);
    seen.add(s.name);
  });
  const transports = new Map<string, 'stdio' | 'http' | 'sse'>();
  for (const s of servers) if (s.transport !== undefined) transports.set(s.name, s.transport);
  return { file, snapshots: servers.map((s) => toSnapshot(s, file)), transports };
}

/** Reads and parses an inventory file; errors are WardenErrors naming the file (exit 2). */
export async function loadInventory(path: string): Promise<LoadedInventory> {
  const file = resolve(path);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new WardenError(WardenErrorCode.Io, `cannot read inventory ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (size > MAX_INVENTORY_BYTES) throw invalid(file, '', `file is ${size} bytes, over the ${MAX_INVENTORY_BYTES}-byte limit`);
  const text = await readFile(file, 'utf8');
  return parseInventory(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}
