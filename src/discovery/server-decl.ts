/**
 * @module discovery/server-decl
 * The one place a client's declaration becomes a ServerEntry. Adapters translate their own field
 * names into a `ServerDecl` (values plus where each sits in the document); this module turns that
 * into an entry with line numbers for the declaration and every field, and reports fields of the
 * wrong type as `invalid` ScanErrors naming file and line.
 */
import { serverEntry, type ScanError, type Scope, type ServerEntry, type Transport } from '../model/index.js';
import type { ConfigDocument, DocPath } from './document.js';

/** A value and where it was written. */
export interface Ref<T> {
  value: T;
  at: DocPath;
}

/** A declaration translated to mcp-warden's vocabulary, before line numbers are looked up. */
export interface ServerDecl {
  name: string;
  /** Where the declaration itself sits (the key of the server object, or the list item). */
  at: DocPath;
  transport: Transport;
  /** Where the transport is written (`type`), when it is. */
  transportAt?: DocPath;
  command?: Ref<string>;
  args: Array<Ref<string>>;
  env: Array<[string, Ref<string>]>;
  url?: Ref<string>;
  headers: Array<[string, Ref<string>]>;
  cwd?: Ref<string>;
  disabled: boolean;
  /** Where the enabled/disabled switch is written, when it is. */
  disabledAt?: DocPath;
  /** Fields that configure authentication outside `headers` (see ServerEntry.authFields). */
  authFields?: string[];
}

export interface EntryContext {
  client: string;
  scope: Scope;
  project?: string;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the value at `at` inside `root`, or undefined. */
export function valueAt(root: unknown, at: DocPath): unknown {
  let node = root;
  for (const key of at) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** JSON pointer for a document path (RFC 6901 escaping). */
export function pointerOf(at: DocPath): string {
  return '/' + at.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Collects shape problems for one document, each naming file and line. */
export class ShapeErrors {
  readonly list: ScanError[] = [];
  constructor(
    private readonly doc: ConfigDocument,
    private readonly client: string,
  ) {}

  add(at: DocPath, message: string, server?: string): void {
    const line = this.doc.lineOf(at);
    this.list.push({
      kind: 'invalid',
      source: this.doc.path,
      client: this.client,
      ...(server !== undefined ? { server } : {}),
      ...(line !== undefined ? { line } : {}),
      message: `${this.doc.path}${line !== undefined ? `:${line}` : ''}: ${message}`,
    });
  }
}

/** Scalars become strings the way a client would pass them on (numbers and booleans in env are common). */
function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A string field; a value of another type is reported and ignored. */
export function stringField(decl: Record<string, unknown>, key: string, base: DocPath, errors: ShapeErrors, server: string): Ref<string> | undefined {
  const v = decl[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return { value: v, at: [...base, key] };
  errors.add([...base, key], `server "${server}": "${key}" should be a string, found ${describeType(v)}`, server);
  return undefined;
}

/** A list of strings (args). A single string is accepted as one argument and reported. */
export function stringList(v: unknown, at: DocPath, errors: ShapeErrors, server: string, what: string): Array<Ref<string>> {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    errors.add(at, `server "${server}": "${what}" should be a list of strings, found a string (read as one argument)`, server);
    return [{ value: v, at }];
  }
  if (!Array.isArray(v)) {
    errors.add(at, `server "${server}": "${what}" should be a list of strings, found ${describeType(v)}`, server);
    return [];
  }
  const out: Array<Ref<string>> = [];
  v.forEach((item, i) => {
    const s = scalarString(item);
    if (s === undefined) errors.add([...at, i], `server "${server}": ${what}[${i}] should be a string, found ${describeType(item)}`, server);
    else out.push({ value: s, at: [...at, i] });
  });
  return out;
}

/** A string map (env, headers). Scalars are stringified; other values are reported. */
export function stringMap(v: unknown, at: DocPath, errors: ShapeErrors, server: string, what: string): Array<[string, Ref<string>]> {
  if (v === undefined || v === null) return [];
  if (!isRecord(v)) {
    errors.add(at, `server "${server}": "${what}" should be an object of strings, found ${describeType(v)}`, server);
    return [];
  }
  const out: Array<[string, Ref<string>]> = [];
  for (const [k, item] of Object.entries(v)) {
    if (item === null || item === undefined) continue;
    const s = scalarString(item);
    if (s === undefined) errors.add([...at, k], `server "${server}": ${what}.${k} should be a string, found ${describeType(item)}`, server);
    else out.push([k, { value: s, at: [...at, k] }]);
  }
  return out;
}

/** Turns a translated declaration into a ServerEntry with the line of the declaration and of each field. */
export function toEntry(doc: ConfigDocument, decl: ServerDecl, ctx: EntryContext): ServerEntry {
  const fieldLines: Record<string, number> = {};
  const note = (field: string, at: DocPath | undefined) => {
    if (at === undefined) return;
    const line = doc.lineOf(at);
    if (line !== undefined) fieldLines[field] = line;
  };
  note('transport', decl.transportAt);
  note('command', decl.command?.at);
  decl.args.forEach((a, i) => note(`args.${i}`, a.at));
  for (const [k, ref] of decl.env) note(`env.${k}`, ref.at);
  note('url', decl.url?.at);
  for (const [k, ref] of decl.headers) note(`headers.${k}`, ref.at);
  note('cwd', decl.cwd?.at);
  note('disabled', decl.disabledAt);
  return serverEntry({
    name: decl.name,
    client: ctx.client,
    scope: ctx.scope,
    ...(ctx.project !== undefined ? { project: ctx.project } : {}),
    configFile: doc.path,
    line: doc.lineOf(decl.at),
    pointer: pointerOf(decl.at),
    transport: decl.transport,
    command: decl.command?.value,
    args: decl.args.map((a) => a.value),
    env: Object.fromEntries(decl.env.map(([k, r]) => [k, r.value])),
    url: decl.url?.value,
    headers: Object.fromEntries(decl.headers.map(([k, r]) => [k, r.value])),
    cwd: decl.cwd?.value,
    disabled: decl.disabled,
    ...(decl.authFields && decl.authFields.length > 0 ? { authFields: decl.authFields } : {}),
    fieldLines,
  });
}
