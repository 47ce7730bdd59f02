/**
 * @module pinning/lockfile
 * The lockfile text format: parse (with errors naming the line), validate, check every stored hash
 * against its stored definition, and serialise in a stable, reviewable order.
 */
import { randomBytes } from 'node:crypto';
import * as jsonc from 'jsonc-parser';
import {
  LOCKFILE_VERSION,
  LockfileSchema,
  WardenError,
  WardenErrorCode,
  type Lockfile,
  type PinHistoryEntry,
  type PinnedServer,
} from '../model/index.js';
import { VERSION } from '../version.js';
import { hashJson, sha256 } from './canonical.js';
import { finishServer, instructionsHash } from './pin.js';

export { LOCKFILE_NAME } from './lockfile-name.js';

/** A lockfile that cannot be used: the message names the file and, where known, the line. */
export class LockfileError extends WardenError {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, reason: string, hint?: string) {
    super(WardenErrorCode.InvalidInput, `${file}${line !== undefined ? `:${line}` : ''}: ${reason}`, hint === undefined ? undefined : { hint });
    this.name = 'LockfileError';
    this.file = file;
    this.line = line;
  }
}

const REPIN_HINT = 'restore the file from version control, or re-create it with `mcp-warden pin --update` and review the result';

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// A git conflict marker is 7 identical characters at the start of a line (then a space or EOL).
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)/;

function findConflictMarker(text: string): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const c = text.charCodeAt(start);
    // Only lines starting with one of the marker characters can match; skip the rest cheaply.
    if ((c === 60 || c === 61 || c === 62 || c === 124) && CONFLICT_MARKER.test(text.slice(start, end === -1 ? undefined : end))) return line;
    if (end === -1) return undefined;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Where a JSON path sits in the text; parsed lazily, only when an error needs a line. */
function lineOfPath(text: string, path: ReadonlyArray<string | number>): number | undefined {
  const root = jsonc.parseTree(text);
  if (!root) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = jsonc.findNodeAtLocation(root, [...path.slice(0, n)]);
    if (node) return lineOfOffset(text, (node.parent?.type === 'property' ? node.parent : node).offset);
  }
  return undefined;
}

function syntaxError(file: string, text: string): LockfileError {
  const errors: jsonc.ParseError[] = [];
  jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return new LockfileError(file, undefined, 'not valid JSON', REPIN_HINT);
  // jsonc-parser recovers and goes on: a truncated file always ends with an error at its very end.
  const end = text.trimEnd().length;
  if (errors.some((e) => e.offset >= end || jsonc.printParseErrorCode(e.error).startsWith('UnexpectedEndOf'))) {
    return new LockfileError(file, lineOfOffset(text, end), 'file ends in the middle of the JSON (truncated?)', REPIN_HINT);
  }
  const reason = `invalid JSON: ${jsonc.printParseErrorCode(first.error)}`;
  return new LockfileError(file, lineOfOffset(text, first.offset), reason, REPIN_HINT);
}

/**
 * Parses and validates lockfile text. Every problem is a LockfileError naming file and line:
 * merge conflict markers, broken or truncated JSON, a newer format version, a field of the wrong
 * shape, or a stored hash that does not match its stored definition (a hand edit or corruption).
 */
export function parseLockfile(file: string, text: string): Lockfile {
  if (text.trim() === '') throw new LockfileError(file, 1, 'file is empty', REPIN_HINT);
  const marker = findConflictMarker(text);
  if (marker !== undefined) {
    throw new LockfileError(
      file,
      marker,
      'unresolved git merge conflict marker',
      'take one side of the conflict (e.g. `git checkout --theirs mcp-warden.lock`), then run `mcp-warden pin --update` against the merged servers and review the drift it reports',
    );
  }
  let raw: unknown;
  try {
    // JSON.parse is an order of magnitude faster than a positional parser; positions are only needed on error.
    raw = JSON.parse(text);
  } catch {
    throw syntaxError(file, text);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LockfileError(file, 1, 'expected a JSON object at the top level', REPIN_HINT);
  const version = (raw as Record<string, unknown>)['lockfileVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new LockfileError(file, lineOfPath(text, ['lockfileVersion']), `"lockfileVersion" must be a positive integer, found ${JSON.stringify(version) ?? 'nothing'}`, REPIN_HINT);
  }
  if (version > LOCKFILE_VERSION) {
    const generator = (raw as Record<string, unknown>)['generator'];
    throw new LockfileError(
      file,
      lineOfPath(text, ['lockfileVersion']),
      `lockfileVersion ${version} is newer than this mcp-warden (${VERSION}) reads (up to version ${LOCKFILE_VERSION})${typeof generator === 'string' ? `; the file was written by ${generator}` : ''}`,
      `upgrade mcp-warden to a release that reads lockfileVersion ${version}`,
    );
  }
  const parsed = LockfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length > 0 ? ` at ${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}` : '';
    throw new LockfileError(file, lineOfPath(text, path), `invalid lockfile${where}: ${issue?.message ?? 'unexpected shape'}`, REPIN_HINT);
  }
  checkIntegrity(file, text, parsed.data);
  return parsed.data;
}

/**
 * A definition matches its hash. Fast path: a definition written by mcp-warden is already in
 * canonical form, so its JSON.stringify text is its canonical text; if that text hashes to the
 * stored hash, the definition is exactly what was hashed. Otherwise (reordered keys, a hand edit)
 * the canonical form decides.
 */
function definitionMatches(definition: Record<string, unknown>, hash: string): boolean {
  return sha256(JSON.stringify(definition)) === hash || hashJson(definition).hash === hash;
}

/**
 * Every stored hash must match the definition stored next to it, and every server digest its items:
 * otherwise someone edited one without the other, and the lockfile no longer says what it pins.
 */
function checkIntegrity(file: string, text: string, lock: Lockfile): void {
  const seen = new Set<string>();
  lock.servers.forEach((s, si) => {
    const fail = (path: Array<string | number>, what: string): never => {
      throw new LockfileError(file, lineOfPath(text, ['servers', si, ...path]), `server "${s.name}": ${what} does not match its stored hash (edited by hand or corrupted)`, REPIN_HINT);
    };
    const key = `${s.name}\u0000${s.launch.hash}`;
    if (seen.has(key)) throw new LockfileError(file, lineOfPath(text, ['servers', si, 'name']), `server "${s.name}" is pinned twice with the same launch identity`, REPIN_HINT);
    seen.add(key);
    const { hash: _h, ...launchFields } = s.launch;
    const { package: _p, image: _i, ...hashedLaunch } = launchFields;
    if (hashJson(hashedLaunch).hash !== s.launch.hash) fail(['launch'], 'the launch identity');
    if (s.instructions && instructionsHash(s.instructions.text) !== s.instructions.hash) fail(['instructions'], 'the instructions text');
    const items: Array<[string, Array<{ hash: string; definition: Record<string, unknown> }>, string]> = [
      ['tools', s.tools, 'name'],
      ['prompts', s.prompts, 'name'],
      ['resources', s.resources, 'uri'],
      ['resourceTemplates', s.resourceTemplates, 'uriTemplate'],
    ];
    for (const [list, entries, keyField] of items) {
      entries.forEach((item, i) => {
        const label = `${list.replace(/s$/, '')} "${String((item as Record<string, unknown>)[keyField])}"`;
        if ((item as Record<string, unknown>)[keyField] !== item.definition[keyField]) fail([list, i, keyField], `the ${label} key`);
        if (!definitionMatches(item.definition, item.hash)) fail([list, i, 'definition'], `the definition of ${label}`);
      });
    }
    if (finishServer(s).hash !== s.hash) fail(['hash'], 'the server digest');
  });
}

/**
 * The lockfile as text: two-space JSON, fixed key order, lists sorted, trailing newline. Each
 * `definition` is written on one line as its canonical JSON: the exact text that was hashed, so
 * `sha256` of that line is the item's hash (a reviewer can check it with standard tools), a changed
 * tool is one changed line in a pull request, and the file stays a third of the pretty-printed size.
 */
export function serializeLockfile(lock: Lockfile): string {
  const definitions: string[] = [];
  // A per-call nonce: a server or tool name from a hostile server cannot forge a placeholder.
  const placeholder = `\u0000definition-${randomBytes(8).toString('hex')}:`;
  const ordered: Lockfile = {
    lockfileVersion: lock.lockfileVersion,
    generator: lock.generator,
    servers: sortServers(lock.servers).map(finishServer),
    history: lock.history,
    ...(lock.signature !== undefined ? { signature: lock.signature } : {}),
  };
  const pretty = JSON.stringify(
    ordered,
    (key, value: unknown) => {
      if (key !== 'definition' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      definitions.push(JSON.stringify(value));
      return `${placeholder}${definitions.length - 1}`;
    },
    2,
  );
  const escaped = JSON.stringify(placeholder).slice(1, -1);
  let out = '';
  let pos = 0;
  for (;;) {
    const at = pretty.indexOf(`"${escaped}`, pos);
    if (at === -1) break;
    const end = pretty.indexOf('"', at + escaped.length + 1);
    out += pretty.slice(pos, at) + (definitions[Number(pretty.slice(at + escaped.length + 1, end))] ?? '');
    pos = end + 1;
  }
  return `${out}${pretty.slice(pos)}\n`;
}

/** Servers sorted by name, then launch hash (a name may be pinned with two launches). */
export function sortServers(servers: readonly PinnedServer[]): PinnedServer[] {
  return [...servers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.launch.hash < b.launch.hash ? -1 : a.launch.hash > b.launch.hash ? 1 : 0));
}

/** A new, unsigned lockfile. */
export function createLockfile(servers: readonly PinnedServer[], history: readonly PinHistoryEntry[]): Lockfile {
  return { lockfileVersion: LOCKFILE_VERSION, generator: `mcp-warden ${VERSION}`, servers: sortServers(servers), history: [...history] };
}
