import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coversVersion, hostsIn, IocFeedError, loadIocFeeds, packageIocs, parseIocFeed } from '../../src/supplychain/ioc.js';

const bundled = loadIocFeeds();

describe('bundled IoC feed', () => {
  it('lists postmark-mcp 1.0.16 to 1.0.18 and its exfiltration host, with references', () => {
    const [pm] = packageIocs(bundled, 'npm', 'postmark-mcp');
    expect(pm?.versions).toEqual(['1.0.16', '1.0.17', '1.0.18']);
    expect(pm?.references.length).toBeGreaterThan(0);
    expect(coversVersion(pm!, '1.0.16')).toBe(true);
    expect(coversVersion(pm!, '1.0.15')).toBe(false);
    expect(bundled.hosts.map((h) => h.host)).toContain('giftshop.club');
    for (const e of [...bundled.packages, ...bundled.hosts]) expect(e.references.length, e.id).toBeGreaterThan(0);
  });
});

describe('hostsIn', () => {
  it.each([
    ['https://giftshop.club/collect', true],
    ['Bcc: phan@giftshop.club', true],
    ['https://mail.giftshop.club:8443/x', true],
    ['GIFTSHOP.CLUB', true],
    ['https://notgiftshop.club/', false],
    ['https://giftshop.club.example.com/', false],
    ['https://x-giftshop.club/', false],
    ['giftshop.clubs', false],
  ])('%s → %s', (text, hit) => {
    expect(hostsIn(text, bundled).length > 0).toBe(hit);
  });

  it('is linear on a 1 MB adversarial string', () => {
    const text = 'giftshop.clu'.repeat(90_000);
    expect(hostsIn(text, bundled)).toEqual([]);
  });
});

describe('user feeds (--ioc)', () => {
  const write = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'warden-ioc-')), 'feed.json');
    writeFileSync(f, text);
    return f;
  };

  it('merges a valid user feed with the bundled one; PyPI names are normalised', () => {
    const f = write(JSON.stringify({ version: 1, entries: [{ id: 'x', type: 'package', ecosystem: 'pypi', name: 'Evil_MCP', versions: ['*'], summary: 'test' }, { id: 'h', type: 'host', host: 'evil.example', summary: 'c2' }] }));
    const feed = loadIocFeeds([f]);
    expect(packageIocs(feed, 'pypi', 'evil-mcp')).toHaveLength(1);
    expect(feed.hosts.map((h) => h.host)).toEqual(['giftshop.club', 'evil.example']);
    expect(feed.sources).toHaveLength(2);
  });

  it('names the line of a schema error', () => {
    const text = '{\n  "version": 1,\n  "entries": [\n    {\n      "id": "a",\n      "type": "host",\n      "host": "HTTPS://Bad/",\n      "summary": "x"\n    }\n  ]\n}\n';
    expect(() => parseIocFeed('feed.json', text)).toThrow(/^feed\.json:7: invalid IoC feed at entries\.0\.host/);
  });

  it('names the line of a JSON syntax error, a missing key and a duplicate id', () => {
    expect(() => parseIocFeed('f.json', '{\n "version": 1,\n "entries": [\n  {"id": }\n ]\n}')).toThrow(/^f\.json:4: invalid JSON/);
    expect(() => parseIocFeed('f.json', '{\n "version": 1,\n "entries": [\n  {"id": "a", "type": "package", "ecosystem": "npm", "name": "x", "summary": "s"}\n ]\n}')).toThrow(/^f\.json:4: .*entries\.0\.versions/);
    const dup = '{"version": 1, "entries": [\n{"id": "a", "type": "host", "host": "a.example", "summary": "s"},\n{"id": "a", "type": "host", "host": "b.example", "summary": "s"}]}';
    expect(() => parseIocFeed('f.json', dup)).toThrow(/^f\.json:3: duplicate entry id "a"/);
  });

  it('an unreadable feed is an error, not an empty feed', () => {
    expect(() => loadIocFeeds(['/nonexistent/feed.json'])).toThrow(IocFeedError);
  });
});
