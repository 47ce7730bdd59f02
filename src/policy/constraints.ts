/**
 * @module policy/constraints
 * Argument constraints: path prefixes, URL host allowlists, regexes and size limits. Each check
 * returns a reason naming the argument and the constraint (never the value: it may be a secret).
 */
import { homedir } from 'node:os';
import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArgConstraint } from './schema.js';

/** Longest string a regex constraint is evaluated on: bounds the cost of any polynomial pattern. */
export const MAX_REGEX_INPUT = 8192;

export interface CompiledConstraint {
  /** Argument name or JSON pointer as written in the policy. */
  key: string;
  /** Reads the argument value out of the call's arguments. */
  read(args: Record<string, unknown> | undefined): unknown;
  /** Undefined when the value satisfies every constraint, else why not. */
  check(value: unknown): string | undefined;
  required: boolean;
}

const caseInsensitivePaths = process.platform === 'win32' || process.platform === 'darwin';

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p;
}

function normalisePath(p: string): string {
  const abs = resolve(p);
  return caseInsensitivePaths ? abs.toLowerCase() : abs;
}

/** Reads a JSON pointer (`/a/b~1c`) or a top-level key out of `args`. */
export function pointerReader(key: string): (args: Record<string, unknown> | undefined) => unknown {
  if (!key.startsWith('/')) return (args) => (args !== undefined && Object.prototype.hasOwnProperty.call(args, key) ? args[key] : undefined);
  const steps = key
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return (args) => {
    let node: unknown = args;
    for (const step of steps) {
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, step)) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
    return node;
  };
}

function pathCheck(prefixes: string[]): (v: unknown) => string | undefined {
  const roots = prefixes.map((p) => normalisePath(expandHome(p)));
  return (v) => {
    if (typeof v !== 'string') return 'is not a path string';
    let p = v;
    if (p.startsWith('file:')) {
      try {
        p = fileURLToPath(p);
      } catch {
        return 'is not a valid file URL';
      }
    }
    if (p.includes('\0')) return 'contains a NUL byte';
    p = expandHome(p);
    if (!isAbsolute(p)) return 'is a relative path (only absolute paths can be checked against pathPrefix)';
    const n = normalisePath(p);
    const ok = roots.some((root) => n === root || n.startsWith(root.endsWith(sep) ? root : root + sep));
    return ok ? undefined : 'is outside the allowed path prefixes';
  };
}

function hostCheck(hosts: string[]): (v: unknown) => string | undefined {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const h of hosts.map((x) => x.toLowerCase().replace(/\.$/, ''))) {
    if (h.startsWith('*.')) suffixes.push(h.slice(1));
    else exact.add(h);
  }
  return (v) => {
    if (typeof v !== 'string') return 'is not a URL string';
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return 'is not an absolute URL';
    }
    const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
    if (host === '') return 'has no host';
    if (exact.has(host) || suffixes.some((s) => host.endsWith(s) && host.length > s.length)) return undefined;
    return 'has a host that is not on the allowlist';
  };
}

function regexCheck(pattern: string): (v: unknown) => string | undefined {
  const re = new RegExp(`^(?:${pattern})$`, 'u');
  return (v) => {
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    if (s === undefined) return 'is not a string, number or boolean';
    if (s.length > MAX_REGEX_INPUT) return `is longer than ${MAX_REGEX_INPUT} characters (too long for a regex constraint)`;
    return re.test(s) ? undefined : 'does not match the required pattern';
  };
}

function sizeCheck(max: number): (v: unknown) => string | undefined {
  return (v) => {
    const size = typeof v === 'string' ? Buffer.byteLength(v) : (JSON.stringify(v) ?? '').length;
    return size <= max ? undefined : `is larger than ${max} bytes`;
  };
}

const asList = (v: string | string[]): string[] => (typeof v === 'string' ? [v] : v);

/** Compiles the constraints on one argument. Arrays are checked element by element. */
export function compileConstraint(key: string, c: ArgConstraint): CompiledConstraint {
  const checks: Array<(v: unknown) => string | undefined> = [];
  if (c.maxSize !== undefined) checks.push(sizeCheck(c.maxSize));
  const elementChecks: Array<(v: unknown) => string | undefined> = [];
  if (c.pathPrefix !== undefined) elementChecks.push(pathCheck(asList(c.pathPrefix)));
  if (c.urlHost !== undefined) elementChecks.push(hostCheck(asList(c.urlHost)));
  if (c.regex !== undefined) elementChecks.push(regexCheck(c.regex));
  const element = (v: unknown): string | undefined => {
    for (const check of elementChecks) {
      const r = check(v);
      if (r) return r;
    }
    return undefined;
  };
  return {
    key,
    read: pointerReader(key),
    required: c.required === true,
    check(value) {
      for (const check of checks) {
        const r = check(value);
        if (r) return r;
      }
      if (elementChecks.length === 0) return undefined;
      if (Array.isArray(value)) {
        for (const item of value) {
          const r = element(item);
          if (r) return `has an element that ${r}`;
        }
        return undefined;
      }
      return element(value);
    },
  };
}
