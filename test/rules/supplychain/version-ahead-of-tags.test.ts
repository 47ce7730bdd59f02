import { describe, expect, it } from 'vitest';
import rule, { farAhead } from '../../../src/rules/supplychain/version-ahead-of-tags.js';
import type { RepositoryTags } from '../../../src/supplychain/github-tags.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

const REPO = 'github.com/acme/mail-relay-mcp';
const tags = (t: Partial<RepositoryTags>): RepositoryTags => ({ repository: REPO, status: 'checked', count: 12, newestVersion: '1.4.2', newestTag: 'v1.4.2', ...t });
const pkg = (version: string, t?: RepositoryTags, args: string[] = ['-y', `mail-relay-mcp@${version}`]) =>
  subject('npx', args, { resolvedVersion: version, repository: REPO, ...(t ? { repositoryTags: t } : {}) });

testVetRule(rule, {
  valid: [
    { name: 'the version has its own tag', subject: pkg('2.0.0', tags({ matchingTag: 'v2.0.0', newestVersion: '2.0.0', newestTag: 'v2.0.0' })) },
    { name: 'untagged, but on the tagged release line (a forgotten tag)', subject: pkg('1.4.9', tags({})) },
    { name: 'untagged and older than the newest tag (a backport)', subject: pkg('1.3.7', tags({})) },
    { name: '0.x: untagged patch on the tagged minor line (desktop-commander 0.2.52 vs v0.2.46)', subject: pkg('0.2.52', tags({ newestVersion: '0.2.46', newestTag: 'v0.2.46' })) },
    { name: 'date versions on the same year line (server-everything 2026.8.31 vs 2026.7.10)', subject: pkg('2026.8.31', tags({ newestVersion: '2026.7.10', newestTag: '2026.7.10' })) },
    { name: 'the repository has no release tags', subject: pkg('3.0.0', tags({ newestVersion: undefined, newestTag: undefined })) },
    { name: 'GitHub does not know the repository', subject: pkg('3.0.0', { repository: REPO, status: 'repo-not-found', count: 0 }) },
    { name: 'tags were not read (offline miss, other host, rate limit)', subject: pkg('3.0.0') },
    { name: 'package not found', subject: subject('npx', ['-y', 'mail-relay-mcp@3.0.0'], { found: false, repositoryTags: tags({}) }) },
  ],
  invalid: [
    { name: 'a major release the repository never tagged (stolen publish token)', subject: pkg('2.0.0', tags({})), reports: [{ messageId: 'aheadOfTags', severity: 'medium', field: '/args/1', line: 11 }] },
    { name: 'an inflated version (99.0.0)', subject: pkg('99.0.0', tags({})), reports: [{ messageId: 'aheadOfTags' }] },
    { name: '0.x: a minor line the repository never tagged', subject: pkg('0.3.0', tags({ newestVersion: '0.2.46', newestTag: 'v0.2.46' })), reports: [{ messageId: 'aheadOfTags' }] },
    { name: 'floating spec resolving far ahead', subject: pkg('2.1.0', tags({}), ['-y', 'mail-relay-mcp']), reports: [{ messageId: 'aheadOfTags', field: '/args/1' }] },
    { name: 'a prerelease of the next major', subject: pkg('2.0.0-beta.1', tags({})), reports: [{ messageId: 'aheadOfTags' }] },
  ],
});

describe('farAhead: the "far newer" margin', () => {
  it.each([
    ['2.0.0', '1.9.9', true],
    ['1.10.0', '1.2.0', false],
    ['1.0.0', '0.9.0', true],
    ['0.3.0', '0.2.99', true],
    ['0.2.99', '0.2.1', false],
    ['1.0.0', '2.0.0', false],
    ['2.0.0', '2.0.0', false],
    ['not-a-version', '1.0.0', false],
  ])('%s against newest tag %s → %s', (version, newest, expected) => {
    expect(farAhead(version, newest)).toBe(expected);
  });

  it('renders the release line and the tag in the message', async () => {
    const [r] = await rule.check(pkg('2.0.0', tags({})), { now: new Date(), popular: { date: '', packages: [] } as never, ioc: { packages: [], hosts: [], sources: [] }, newVersionDays: 7 });
    expect(r?.data).toMatchObject({ pkg: 'mail-relay-mcp@2.0.0', repository: REPO, newestTag: 'v1.4.2', line: '2.x', count: 12 });
  });
});
