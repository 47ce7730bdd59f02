/**
 * @module supplychain/github-tags
 * The release tags of the GitHub repository a package names (`GET /repos/{owner}/{repo}/tags`,
 * paginated, at most MAX_TAG_PAGES pages), reduced to what the version-vs-tags check needs: the tag
 * that names the resolved version, if any, and the newest version any tag of this package names.
 * Asked only during `vet` (and `scan --vet`); `--offline` answers from the cache.
 * @see https://docs.github.com/en/rest/repos/repos#list-repository-tags
 */
import semver from 'semver';
import type { RegistryHttp } from './http.js';

/** GitHub's largest page size. */
export const TAG_PAGE_SIZE = 100;
/** Pages read at most (500 tags): enough for any single package; a bound against huge monorepos. */
export const MAX_TAG_PAGES = 5;

/** What the repository's tags say about one package version. */
export interface RepositoryTags {
  /** `github.com/owner/repo`, as normalised from the package's repository field. */
  repository: string;
  /**
   * `checked` = tags read (all of them, or enough to find the version's own tag);
   * `repo-not-found` = GitHub answered 404 (private, renamed without redirect, or deleted).
   */
  status: 'checked' | 'repo-not-found';
  /** Tags read. */
  count: number;
  /** The tag naming the resolved version (`v1.2.3`, `1.2.3`, `name@1.2.3`, …), when there is one. */
  matchingTag?: string;
  /** Newest version named by a tag of this package (see tagVersion), and that tag. */
  newestVersion?: string;
  newestTag?: string;
}

export type TagsOutcome = { ok: true; tags: RepositoryTags } | { ok: false; reason: string };

/**
 * Prefixes a tag may put before the version for it to count as a release of this package. Plain
 * versions (`1.2.3`, `v1.2.3`) count for every package of the repository; the named forms cover
 * monorepo conventions (changesets `@scope/pkg@1.2.3`, release-please `pkg-v1.2.3`). Tags of other
 * packages in the same repository (`typescript-servers-0.6.2` for `server-everything`) never count.
 */
function tagPrefixes(pkgName: string): string[] {
  const full = pkgName.toLowerCase();
  const bare = full.startsWith('@') ? full.slice(full.indexOf('/') + 1) : full;
  const named = [...new Set([full, bare])];
  return ['', 'v', ...named.flatMap((n) => [`${n}@`, `${n}@v`, `${n}-v`, `${n}-`, `${n}/v`, `${n}/`])];
}

/** The version a tag names for this package, or undefined when the tag is not a release tag of it. */
export function tagVersion(tag: string, pkgName: string): string | undefined {
  const t = tag.trim().toLowerCase();
  if (t.length > 200) return undefined;
  for (const prefix of tagPrefixes(pkgName)) {
    if (!t.startsWith(prefix)) continue;
    const rest = t.slice(prefix.length);
    // Strict parse: `1.2` or `release-3` are not versions; a leading `v` was a prefix above.
    const v = /^\d/.test(rest) ? semver.valid(rest) : null;
    if (v !== null) return v;
  }
  return undefined;
}

/** Reduces tag names to the facts vet reports (pure; exported for tests). */
export function summarizeTags(repository: string, tags: readonly string[], pkgName: string, version: string): RepositoryTags {
  const out: RepositoryTags = { repository, status: 'checked', count: tags.length };
  for (const tag of tags) {
    const v = tagVersion(tag, pkgName);
    if (v === undefined) continue;
    if (out.matchingTag === undefined && semver.eq(v, version)) out.matchingTag = tag;
    if (out.newestVersion === undefined || semver.gt(v, out.newestVersion)) {
      out.newestVersion = v;
      out.newestTag = tag;
    }
  }
  return out;
}

/** `owner/repo` of a normalised GitHub repository, or undefined for any other host. */
export function githubRepo(repository: string): { owner: string; repo: string } | undefined {
  const m = /^github\.com\/([A-Za-z0-9_.-]{1,100})\/([A-Za-z0-9_.-]{1,100})$/.exec(repository);
  if (!m?.[1] || !m[2]) return undefined;
  // `.` and `..` would be resolved as URL path segments and ask for another API path.
  if (/^\.{1,2}$/.test(m[1]) || /^\.{1,2}$/.test(m[2])) return undefined;
  return { owner: m[1], repo: m[2] };
}

function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /rel="next"/.test(link);
}

/** Why GitHub did not answer, with the rate-limit reset time when that was the reason. */
function failureReason(host: string, r: { failure: string; status?: number; reason: string; headers?: Record<string, string> }): string {
  const limited = r.status === 429 || (r.status === 403 && r.headers?.['x-ratelimit-remaining'] === '0');
  if (!limited) return r.reason;
  const reset = Number(r.headers?.['x-ratelimit-reset']);
  const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
  return `${host} rate limit reached${when} (set MCP_WARDEN_GITHUB_TOKEN to raise it)`;
}

export interface TagsContext {
  http: RegistryHttp;
  /** GitHub REST API base URL (default https://api.github.com). */
  base: string;
  /** Sent as a bearer token when set (MCP_WARDEN_GITHUB_TOKEN): 5,000 requests an hour instead of 60. */
  token?: string;
  /** Tag lists already fetched in this run, by `owner/repo` (two packages from one monorepo ask once). */
  memo?: Map<string, Promise<TagNames>>;
}

export type TagNames = { ok: true; names: string[]; truncated: boolean } | { ok: false; notFound: boolean; reason: string };

/** Raw tag names of a repository, bounded; a failure is a value, never a throw. */
export async function fetchTagNames(owner: string, repo: string, ctx: TagsContext): Promise<TagNames> {
  const host = new URL(ctx.base).host;
  const headers: Record<string, string> = { 'x-github-api-version': '2022-11-28', ...(ctx.token ? { authorization: `Bearer ${ctx.token}` } : {}) };
  const names: string[] = [];
  for (let page = 1; page <= MAX_TAG_PAGES; page++) {
    const url = `${ctx.base}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/tags?per_page=${TAG_PAGE_SIZE}&page=${page}`;
    const r = await ctx.http.get<unknown>(url, { accept: 'application/vnd.github+json', headers });
    if (!r.ok) return { ok: false, notFound: r.failure === 'not-found', reason: failureReason(host, r) };
    if (!Array.isArray(r.body)) return { ok: false, notFound: false, reason: `${url}: expected a JSON array of tags` };
    for (const t of r.body as Array<{ name?: unknown }>) if (typeof t?.name === 'string') names.push(t.name);
    if (!hasNextPage(r.headers['link'])) return { ok: true, names, truncated: false };
  }
  return { ok: true, names, truncated: true };
}

/**
 * The repository-tag facts for `pkgName@version`. A repository with more tags than the bound is
 * "checked" only when the version's own tag was among those read: otherwise an unread page could
 * hold it, and the check is reported as not done rather than guessed.
 */
export async function collectRepositoryTags(repository: string, pkgName: string, version: string, ctx: TagsContext): Promise<TagsOutcome> {
  const gh = githubRepo(repository);
  if (!gh) return { ok: false, reason: `${repository} is not a GitHub repository` };
  const key = `${gh.owner}/${gh.repo}`.toLowerCase();
  let pending = ctx.memo?.get(key);
  if (!pending) {
    pending = fetchTagNames(gh.owner, gh.repo, ctx);
    ctx.memo?.set(key, pending);
  }
  const fetched = await pending;
  if (!fetched.ok) {
    if (fetched.notFound) return { ok: true, tags: { repository, status: 'repo-not-found', count: 0 } };
    return { ok: false, reason: fetched.reason };
  }
  const tags = summarizeTags(repository, fetched.names, pkgName, version);
  if (fetched.truncated && tags.matchingTag === undefined) {
    return { ok: false, reason: `${repository} has more than ${MAX_TAG_PAGES * TAG_PAGE_SIZE} tags; read the first ${fetched.names.length} without finding one for ${version}` };
  }
  return { ok: true, tags };
}
