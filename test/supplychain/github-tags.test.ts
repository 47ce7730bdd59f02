import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectRepositoryTags, githubRepo, MAX_TAG_PAGES, summarizeTags, tagVersion, TAG_PAGE_SIZE, type TagNames } from '../../src/supplychain/github-tags.js';
import { RegistryHttp } from '../../src/supplychain/http.js';
import { fixtureKey, startReplayServer, type RegistryFixture, type ReplayServer } from '../helpers/registry-fixtures.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A replay root with hand-written GitHub answers (edge cases no real repository shows on demand). */
function root(fixtures: Record<string, RegistryFixture>): string {
  const dir = tmp('warden-gh-');
  mkdirSync(join(dir, 'github'));
  for (const [path, fx] of Object.entries(fixtures)) writeFileSync(join(dir, 'github', `${fixtureKey('GET', path)}.json`), JSON.stringify(fx));
  return dir;
}
const page = (owner: string, repo: string, n: number) => `/repos/${owner}/${repo}/tags?per_page=${TAG_PAGE_SIZE}&page=${n}`;
const tagList = (names: string[]) => names.map((name) => ({ name, commit: { sha: '0'.repeat(40) } }));
const HAND = 'hand-written after https://docs.github.com/en/rest/repos/repos#list-repository-tags';

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(dir?: string): Promise<ReplayServer> {
  const s = await startReplayServer(dir);
  servers.push(s);
  return s;
}
const ctx = (replay: ReplayServer, extra: { offline?: boolean; cacheDir?: string; memo?: Map<string, Promise<TagNames>> } = {}) => ({
  http: new RegistryHttp({ cacheDir: extra.cacheDir ?? tmp('warden-cache-'), offline: extra.offline ?? false, timeoutMs: 5000 }),
  base: `${replay.url}/github`,
  ...(extra.memo ? { memo: extra.memo } : {}),
});

describe('tagVersion: which tags name a release of the package', () => {
  it.each([
    ['v1.2.3', 'pkg', '1.2.3'],
    ['1.2.3', 'pkg', '1.2.3'],
    ['V1.2.3', 'pkg', '1.2.3'],
    ['pkg@1.2.3', 'pkg', '1.2.3'],
    ['@acme/pkg@1.2.3', '@acme/pkg', '1.2.3'],
    ['pkg@1.2.3', '@acme/pkg', '1.2.3'],
    ['pkg-v1.2.3', '@acme/pkg', '1.2.3'],
    ['pkg/v2.0.0-rc.1', 'pkg', '2.0.0-rc.1'],
    ['2026.7.10', '@modelcontextprotocol/server-everything', '2026.7.10'],
    ['other@9.0.0', 'pkg', undefined],
    ['typescript-servers-0.6.2', '@modelcontextprotocol/server-everything', undefined],
    ['pkg-extra-1.0.0', 'pkg', undefined],
    ['1.2', 'pkg', undefined],
    ['latest', 'pkg', undefined],
    ['release-3', 'pkg', undefined],
  ])('%s for %s → %s', (tag, pkg, want) => {
    expect(tagVersion(tag, pkg)).toBe(want);
  });

  it('is linear on a hostile tag name', () => {
    expect(tagVersion(`v${'1.'.repeat(500_000)}`, 'pkg')).toBeUndefined();
  });
});

describe('summarizeTags', () => {
  it('finds the version\'s own tag and the newest release tag of this package', () => {
    const s = summarizeTags('github.com/o/r', ['v1.0.0', 'v1.4.2', 'other@7.0.0', 'nightly', 'v1.3.0'], 'pkg', '1.3.0');
    expect(s).toEqual({ repository: 'github.com/o/r', status: 'checked', count: 5, matchingTag: 'v1.3.0', newestVersion: '1.4.2', newestTag: 'v1.4.2' });
  });
  it('has no newest tag when no tag names a version', () => {
    expect(summarizeTags('github.com/o/r', ['main-snapshot', 'nightly'], 'pkg', '1.0.0')).toEqual({ repository: 'github.com/o/r', status: 'checked', count: 2 });
  });
});

describe('githubRepo', () => {
  it('accepts only github.com/owner/repo', () => {
    expect(githubRepo('github.com/acme/pkg')).toEqual({ owner: 'acme', repo: 'pkg' });
    expect(githubRepo('gitlab.com/acme/pkg')).toBeUndefined();
    expect(githubRepo('github.com/acme/../x')).toBeUndefined();
    // A hostile repository field must not steer the request to another API path.
    expect(githubRepo('github.com/acme/..')).toBeUndefined();
    expect(githubRepo('github.com/./x')).toBeUndefined();
  });
});

describe('collectRepositoryTags against the loopback replay server', () => {
  it('reads the reconstructed tags of modelcontextprotocol/servers (one page)', async () => {
    const replay = await serve();
    const out = await collectRepositoryTags('github.com/modelcontextprotocol/servers', '@modelcontextprotocol/server-everything', '2026.8.31', ctx(replay));
    expect(out).toEqual({ ok: true, tags: { repository: 'github.com/modelcontextprotocol/servers', status: 'checked', count: 44, newestVersion: '2026.7.10', newestTag: '2026.7.10' } });
    expect(replay.requests).toEqual([`GET /github${page('modelcontextprotocol', 'servers', 1)}`]);
  });

  it('follows rel="next" pages', async () => {
    const dir = root({
      [page('acme', 'paged', 1)]: { origin: HAND, status: 200, headers: { link: `<https://api.github.com${page('acme', 'paged', 2)}>; rel="next"` }, body: tagList(Array.from({ length: 100 }, (_, i) => `v1.0.${i}`)) },
      [page('acme', 'paged', 2)]: { origin: HAND, status: 200, body: tagList(['v1.4.2', 'v1.4.1']) },
    });
    const replay = await serve(dir);
    const out = await collectRepositoryTags('github.com/acme/paged', 'pkg', '2.0.0', ctx(replay));
    expect(out).toMatchObject({ ok: true, tags: { count: 102, newestTag: 'v1.4.2' } });
    expect(replay.requests).toHaveLength(2);
  });

  it('stops at the page bound: a match among the pages read counts, no match is "not checked"', async () => {
    const fixtures: Record<string, RegistryFixture> = {};
    for (let n = 1; n <= MAX_TAG_PAGES + 1; n++) {
      fixtures[page('acme', 'huge', n)] = { origin: HAND, status: 200, headers: { link: `<https://api.github.com${page('acme', 'huge', n + 1)}>; rel="next"` }, body: tagList(Array.from({ length: 100 }, (_, i) => `v${n}.0.${i}`)) };
    }
    const replay = await serve(root(fixtures));
    expect(await collectRepositoryTags('github.com/acme/huge', 'pkg', '3.0.7', ctx(replay))).toMatchObject({ ok: true, tags: { matchingTag: 'v3.0.7', count: 500 } });
    const miss = await collectRepositoryTags('github.com/acme/huge', 'pkg', '9.0.0', ctx(replay));
    expect(miss).toEqual({ ok: false, reason: expect.stringContaining('more than 500 tags') });
    expect(replay.requests.filter((r) => r.includes('page=6'))).toEqual([]);
  });

  it('a rate-limited GitHub makes the check "not checked", with the reset time', async () => {
    const dir = root({ [page('acme', 'limited', 1)]: { origin: HAND, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1790000000' }, body: { message: 'API rate limit exceeded' } } });
    const replay = await serve(dir);
    const out = await collectRepositoryTags('github.com/acme/limited', 'pkg', '1.0.0', ctx(replay));
    expect(out).toEqual({ ok: false, reason: `${new URL(replay.url).host} rate limit reached until 2026-09-21T14:13:20.000Z (set MCP_WARDEN_GITHUB_TOKEN to raise it)` });
  });

  it('a 404 means GitHub does not know the repository (a fact, not a failure)', async () => {
    const dir = root({ [page('acme', 'gone', 1)]: { origin: HAND, status: 404, body: { message: 'Not Found' } } });
    const replay = await serve(dir);
    expect(await collectRepositoryTags('github.com/acme/gone', 'pkg', '1.0.0', ctx(replay))).toEqual({ ok: true, tags: { repository: 'github.com/acme/gone', status: 'repo-not-found', count: 0 } });
  });

  it('an unreachable GitHub or a non-array answer is "not checked"', async () => {
    const dir = root({ [page('acme', 'weird', 1)]: { origin: HAND, status: 200, body: { message: 'not a list' } } });
    const replay = await serve(dir);
    expect(await collectRepositoryTags('github.com/acme/weird', 'pkg', '1.0.0', ctx(replay))).toEqual({ ok: false, reason: expect.stringContaining('expected a JSON array of tags') });
    const down = { http: new RegistryHttp({ cacheDir: tmp('warden-cache-'), offline: false, timeoutMs: 2000 }), base: 'http://127.0.0.1:1' };
    expect(await collectRepositoryTags('github.com/acme/weird', 'pkg', '1.0.0', down)).toMatchObject({ ok: false, reason: expect.stringContaining('ECONNREFUSED') });
    expect(await collectRepositoryTags('gitlab.com/acme/pkg', 'pkg', '1.0.0', down)).toEqual({ ok: false, reason: 'gitlab.com/acme/pkg is not a GitHub repository' });
  });

  it('asks once per repository per run, and --offline answers from the cache', async () => {
    const replay = await serve();
    const cacheDir = tmp('warden-cache-');
    const memo = new Map<string, Promise<TagNames>>();
    const c = ctx(replay, { cacheDir, memo });
    await collectRepositoryTags('github.com/modelcontextprotocol/servers', '@modelcontextprotocol/server-everything', '2026.8.31', c);
    await collectRepositoryTags('github.com/modelcontextprotocol/servers', 'mcp-server-fetch', '2025.4.7', c);
    expect(replay.requests).toHaveLength(1);
    const offline = ctx(replay, { cacheDir, offline: true });
    const again = await collectRepositoryTags('github.com/modelcontextprotocol/servers', 'mcp-server-fetch', '2025.4.7', offline);
    expect(again).toMatchObject({ ok: true, tags: { count: 44, newestTag: '2026.7.10' } });
    expect(offline.http.hosts()).toEqual([{ host: new URL(replay.url).host, network: 0, cached: 1 }]);
    expect(replay.requests).toHaveLength(1);
    const miss = await collectRepositoryTags('github.com/acme/never-seen', 'pkg', '1.0.0', ctx(replay, { cacheDir: tmp('warden-cache-'), offline: true }));
    expect(miss).toMatchObject({ ok: false, reason: expect.stringContaining('not in the cache (--offline)') });
  });
});

let shared: ReplayServer;
beforeAll(async () => {
  shared = await startReplayServer();
});
afterAll(async () => {
  await shared.close();
});

describe('the version-vs-tags facts on the recorded demo packages', () => {
  it('desktop-commander 0.2.52 has no tag, newest v0.2.46 (same 0.2 line)', async () => {
    const out = await collectRepositoryTags('github.com/wonderwhy-er/desktopcommandermcp', '@wonderwhy-er/desktop-commander', '0.2.52', ctx(shared));
    expect(out).toMatchObject({ ok: true, tags: { count: 56, newestTag: 'v0.2.46' } });
    expect(out.ok && out.tags.matchingTag).toBeUndefined();
  });
  it('desktop-commander 0.2.40 is tagged', async () => {
    expect(await collectRepositoryTags('github.com/wonderwhy-er/desktopcommandermcp', '@wonderwhy-er/desktop-commander', '0.2.40', ctx(shared))).toMatchObject({ ok: true, tags: { matchingTag: 'v0.2.40' } });
  });
});
