/**
 * @module discovery/detect
 * Scoring for `--config FILE`: which client wrote this file? The shape decides first (a key only
 * one client uses is strong evidence); when several clients share a shape (`mcpServers` maps are
 * everywhere), the file name and folder decide.
 */
import type { ConfigDocument } from './document.js';
import { isRecord } from './server-decl.js';

/** Score scale: the highest wins, ties go to the adapter listed first in index.ts. */
export const SCORE = {
  /** The shared `mcpServers` map: many clients could have written it. */
  shared: 1,
  /** The shared shape, and this client is the fallback for files with an unknown name. */
  fallback: 2,
  /** A field or key only this client uses (`servers`, `mcp_servers`, `context_servers`, `httpUrl`, …). */
  distinctive: 10,
  /** Added when the path is one this client reads (`.cursor/mcp.json`, `cline_mcp_settings.json`). */
  path: 100,
} as const;

export interface Signature {
  /** Score of the document's shape alone (0 = not this client). */
  shape(root: Record<string, unknown>, doc: ConfigDocument): number;
  /** Path endings this client reads, matched against the path with `/` separators. */
  paths?: readonly RegExp[];
}

/** Scores a document against a client's signature. */
export function detectBy(doc: ConfigDocument, sig: Signature): number {
  if (!isRecord(doc.value)) return 0;
  const shape = sig.shape(doc.value, doc);
  if (shape === 0) return 0;
  const path = doc.path.replace(/\\/g, '/');
  return sig.paths?.some((re) => re.test(path)) ? shape + SCORE.path : shape;
}

/** True when the root has `key` (whatever its value: a wrong shape is still this client's file, and is reported). */
export function has(root: Record<string, unknown>, key: string): boolean {
  return root[key] !== undefined;
}

/** True when some server object in the map at `key` has `field`. */
export function someServerHas(root: Record<string, unknown>, key: string, field: string): boolean {
  const map = root[key];
  return isRecord(map) && Object.values(map).some((s) => isRecord(s) && s[field] !== undefined);
}
