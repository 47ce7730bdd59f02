/**
 * @module supplychain/ioc
 * Indicators of compromise: known-malicious MCP packages (by ecosystem, name and versions) and bad
 * hosts. The bundled feed (data/ioc-feed.json) cites a public report for every entry; users add their
 * own feeds with `--ioc FILE` in the same format. A malformed feed is rejected with the file, line and
 * reason: a feed that silently loads nothing would make every check look clean.
 */
import { readFileSync } from 'node:fs';
import * as jsonc from 'jsonc-parser';
import { z } from 'zod';
import { normalizePypiName } from './launch-spec.js';

const Reference = z.string().url();

const PackageIoc = z
  .object({
    id: z.string().min(1),
    type: z.literal('package'),
    ecosystem: z.enum(['npm', 'pypi', 'oci', 'mcpb']),
    name: z.string().min(1),
    /** Exact versions, or `["*"]` for every version. */
    versions: z.array(z.string().min(1)).min(1),
    summary: z.string().min(1),
    published: z.string().optional(),
    references: z.array(Reference).default([]),
  })
  .strict();

const HostIoc = z
  .object({
    id: z.string().min(1),
    type: z.literal('host'),
    /** A domain (matches it and its subdomains) or an IP address. */
    host: z
      .string()
      .min(3)
      .max(253)
      .regex(/^[a-z0-9.:-]+$/, 'a lowercase host name or IP address, without scheme, port or path'),
    summary: z.string().min(1),
    published: z.string().optional(),
    references: z.array(Reference).default([]),
  })
  .strict();

export const IocEntrySchema = z.discriminatedUnion('type', [PackageIoc, HostIoc]);
export const IocFeedSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    updated: z.string().optional(),
    entries: z.array(IocEntrySchema),
  })
  .strict();

export type PackageIocEntry = z.infer<typeof PackageIoc>;
export type HostIocEntry = z.infer<typeof HostIoc>;
export type IocEntry = z.infer<typeof IocEntrySchema>;

export interface IocFeed {
  packages: Array<PackageIocEntry & { feed: string }>;
  hosts: Array<HostIocEntry & { feed: string }>;
  /** Files the entries came from, for the report notes. */
  sources: string[];
}

export class IocFeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'IocFeedError';
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses and validates one feed's text. Throws IocFeedError naming the line of the first problem. */
export function parseIocFeed(file: string, text: string): IocFeed {
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) throw new IocFeedError(file, first ? lineAt(text, first.offset) : 1, `invalid JSON: ${first ? jsonc.printParseErrorCode(first.error) : 'empty document'}`);
  const parsed = IocFeedSchema.safeParse(jsonc.getNodeValue(root));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Point at the deepest node that exists (a missing key is reported on its parent object).
    let node: jsonc.Node | undefined;
    for (let n = path.length; n >= 0 && !node; n--) node = jsonc.findNodeAtLocation(root, path.slice(0, n));
    const anchor = node?.parent?.type === 'property' ? node.parent : node;
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    throw new IocFeedError(file, anchor ? lineAt(text, anchor.offset) : undefined, `invalid IoC feed${where}: ${issue?.message ?? 'schema error'}`);
  }
  const ids = new Set<string>();
  const out: IocFeed = { packages: [], hosts: [], sources: [file] };
  parsed.data.entries.forEach((e, i) => {
    if (ids.has(e.id)) {
      const n = jsonc.findNodeAtLocation(root, ['entries', i]);
      throw new IocFeedError(file, n ? lineAt(text, n.offset) : undefined, `duplicate entry id "${e.id}"`);
    }
    ids.add(e.id);
    if (e.type === 'package') out.packages.push({ ...e, name: e.ecosystem === 'pypi' ? normalizePypiName(e.name) : e.name, feed: file });
    else out.hosts.push({ ...e, feed: file });
  });
  return out;
}

export function loadIocFile(file: string): IocFeed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new IocFeedError(file, undefined, `cannot read IoC feed: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseIocFeed(file, text);
}

export const BUNDLED_IOC_FEED = new URL('../../data/ioc-feed.json', import.meta.url).pathname;

/** The bundled feed plus every user feed, merged. */
export function loadIocFeeds(userFiles: readonly string[] = []): IocFeed {
  const feeds = [loadIocFile(BUNDLED_IOC_FEED), ...userFiles.map(loadIocFile)];
  return { packages: feeds.flatMap((f) => f.packages), hosts: feeds.flatMap((f) => f.hosts), sources: feeds.flatMap((f) => f.sources) };
}

/** Package entries naming this package, whatever the version. */
export function packageIocs(feed: IocFeed, ecosystem: string, name: string): Array<PackageIocEntry & { feed: string }> {
  const n = ecosystem === 'pypi' ? normalizePypiName(name) : name;
  return feed.packages.filter((e) => e.ecosystem === ecosystem && e.name === n);
}

/** True when the entry covers this exact version. */
export function coversVersion(entry: PackageIocEntry, version: string | undefined): boolean {
  if (entry.versions.includes('*')) return true;
  return version !== undefined && entry.versions.includes(version.replace(/^={2,3}/, ''));
}

const HOST_CHAR = /[a-z0-9-]/;

/**
 * Bad hosts named in `text` (a URL, an argument, a tool description): the host or any subdomain of
 * it, as a whole domain (so `notgiftshop.club` and `giftshop.club.example` do not match). Linear:
 * one indexOf scan per feed host.
 */
export function hostsIn(text: string, feed: IocFeed): Array<HostIocEntry & { feed: string }> {
  const lower = text.toLowerCase();
  const hits: Array<HostIocEntry & { feed: string }> = [];
  for (const h of feed.hosts) {
    let from = 0;
    for (;;) {
      const i = lower.indexOf(h.host, from);
      if (i === -1) break;
      const before = i > 0 ? lower[i - 1] ?? '' : '';
      const after = lower[i + h.host.length] ?? '';
      const leftOk = before === '' || before === '.' || !HOST_CHAR.test(before);
      const rightOk = after === '' || (!HOST_CHAR.test(after) && !(after === '.' && HOST_CHAR.test(lower[i + h.host.length + 1] ?? '')));
      if (leftOk && rightOk) {
        hits.push(h);
        break;
      }
      from = i + 1;
    }
  }
  return hits;
}
