/**
 * @fileoverview Where a value sits in a server entry: its JSON pointer for findings and its line
 * from `entry.fieldLines`, for every field a config rule reads.
 */
import type { ServerEntry } from '../../../model/index.js';
import type { Token } from '../../../analysis/launch.js';

/** One string of a server entry and where it is. */
export interface EntryField {
  /** `command`, `args`, `env`, `headers`, `url` or `cwd`. */
  kind: 'command' | 'args' | 'env' | 'headers' | 'url' | 'cwd';
  /** Env var or header name; the index for args. */
  key?: string;
  value: string;
  /** JSON pointer relative to the declaration, e.g. `/env/GITHUB_TOKEN`. */
  pointer: string;
  line?: number;
}

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * JSON pointer and line of a field.
 * @param entry the server entry (for its `fieldLines`)
 * @param kind the field
 * @param key env var or header name, or the args index
 */
export function locate(entry: ServerEntry, kind: EntryField['kind'], key?: string | number): { pointer: string; line?: number } {
  const pointer = key === undefined ? `/${kind}` : `/${kind}/${escapePointer(String(key))}`;
  const line = entry.fieldLines[key === undefined ? kind : `${kind}.${key}`];
  return line === undefined ? { pointer } : { pointer, line };
}

/** Location of a launch token: `/command` or `/args/<i>`. */
export function locateToken(entry: ServerEntry, token: Token): { pointer: string; line?: number } {
  return token.arg < 0 ? locate(entry, 'command') : locate(entry, 'args', token.arg);
}

/** Every string value of an entry, with its location, in declaration order. */
export function entryFields(entry: ServerEntry): EntryField[] {
  const out: EntryField[] = [];
  const push = (kind: EntryField['kind'], value: string, key?: string | number) => out.push({ kind, value, ...(key === undefined ? {} : { key: String(key) }), ...locate(entry, kind, key) });
  if (entry.command !== undefined) push('command', entry.command);
  entry.args.forEach((a, i) => push('args', a, i));
  for (const [k, v] of Object.entries(entry.env)) push('env', v, k);
  if (entry.url !== undefined) push('url', entry.url);
  for (const [k, v] of Object.entries(entry.headers)) push('headers', v, k);
  if (entry.cwd !== undefined) push('cwd', entry.cwd);
  return out;
}

/** Human-readable field name for messages: `env.GITHUB_TOKEN`, `args[2]`, `headers.Authorization`. */
export function fieldLabel(f: Pick<EntryField, 'kind' | 'key'>): string {
  if (f.key === undefined) return f.kind;
  return f.kind === 'args' ? `args[${f.key}]` : `${f.kind}.${f.key}`;
}
