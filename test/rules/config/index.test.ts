/**
 * @fileoverview Parity between the config rule files, the registry, the tests and the docs, and
 * the doc examples themselves: every ❌ example must trigger its rule, every ✅ example must not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configRules } from '../../../src/rules/config/index.js';
import { ALL_TECHNIQUE_IDS } from '../../../src/rules/attack.js';
import { SEVERITIES, serverEntry, type ServerEntry, type Transport } from '../../../src/model/index.js';
import type { ConfigRule, ConfigRuleContext } from '../../../src/rules/config/types.js';
import { baseCtx } from '../../helpers/config-rule-tester.js';

const root = new URL('../../../', import.meta.url);
const NON_RULE_FILES = new Set(['index.ts', 'types.ts']);
const HEADINGS = ['Why is this dangerous', '❌ Incorrect', '✅ Correct', 'When not to use it', 'References'];

const ruleFiles = readdirSync(new URL('src/rules/config/', root), { withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.ts') && !NON_RULE_FILES.has(d.name))
  .map((d) => `config/${d.name.slice(0, -3)}`)
  .sort();
const registryIds = Object.keys(configRules);

interface RuleDoc {
  frontmatter: Record<string, unknown>;
  body: string;
  headings: string[];
  section: (heading: string) => string;
}

function readDoc(id: string): RuleDoc {
  const text = readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`docs/rules/${id}.md: missing frontmatter`);
  const body = m[2] ?? '';
  const headings = [...body.matchAll(/^## (.+)$/gm)].map((h) => (h[1] ?? '').trim());
  return {
    frontmatter: parseYaml(m[1] ?? '') as Record<string, unknown>,
    body,
    headings,
    section(heading) {
      const start = body.indexOf(`## ${heading}\n`);
      if (start < 0) return '';
      const next = body.indexOf('\n## ', start + 3);
      return body.slice(start, next < 0 ? undefined : next);
    },
  };
}

/** Builds entries from a doc example written as a Claude Desktop / VS Code style JSON config. */
function entriesOf(json: string): ServerEntry[] {
  const doc = JSON.parse(json) as Record<string, Record<string, Record<string, unknown>>>;
  const map = doc['mcpServers'] ?? doc['servers'] ?? {};
  return Object.entries(map).map(([name, d]) => {
    const url = (d['url'] ?? d['serverUrl'] ?? d['httpUrl']) as string | undefined;
    const type = d['type'] as string | undefined;
    const transport: Transport = type === 'sse' ? 'sse' : type === 'http' || (type === undefined && url) ? 'http' : 'stdio';
    return serverEntry({
      name,
      client: 'doc',
      scope: 'file',
      configFile: '/home/u/.config/doc-example.json',
      transport,
      command: d['command'] as string | undefined,
      args: (d['args'] as string[] | undefined) ?? [],
      env: (d['env'] as Record<string, string> | undefined) ?? {},
      headers: (d['headers'] as Record<string, string> | undefined) ?? {},
      url,
      disabled: d['disabled'] === true || d['enabled'] === false,
    });
  });
}

function codeBlocks(section: string): string[] {
  return [...section.matchAll(/```jsonc?\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
}

describe('config rule registry', () => {
  it('lists exactly the rule files of src/rules/config, sorted', () => {
    expect(registryIds).toEqual(ruleFiles);
    expect([...registryIds].sort()).toEqual(registryIds);
  });

  it('has a test file and a doc page for every rule, and nothing else', () => {
    const tests = readdirSync(new URL('test/rules/config/', root))
      .filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
      .map((f) => `config/${f.slice(0, -'.test.ts'.length)}`)
      .sort();
    const docs = readdirSync(new URL('docs/rules/config/', root))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `config/${f.slice(0, -3)}`)
      .sort();
    expect(tests).toEqual(ruleFiles);
    expect(docs).toEqual(ruleFiles);
  });

  describe.each(registryIds)('%s', (id) => {
    const rule = configRules[id as keyof typeof configRules] as ConfigRule;

    it('has complete metadata', () => {
      expect(rule.meta.id).toBe(id);
      expect(rule.kind).toBe('config');
      expect(SEVERITIES).toContain(rule.meta.severity);
      for (const text of [rule.meta.title, rule.meta.description, rule.meta.remediation, rule.meta.category]) expect(text.length).toBeGreaterThan(3);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      for (const t of rule.meta.attack) expect(ALL_TECHNIQUE_IDS).toContain(t);
      // Only informational inventory rules may carry no technique.
      if (rule.meta.attack.length === 0) expect(rule.meta.severity).toBe('info');
    });

    it('has a doc page with the fixed headings and matching frontmatter', () => {
      const doc = readDoc(id);
      expect(doc.headings).toEqual(HEADINGS);
      expect(doc.frontmatter['id']).toBe(id);
      expect(doc.frontmatter['title']).toBe(rule.meta.title);
      expect(doc.frontmatter['severity']).toBe(rule.meta.severity);
      expect(doc.frontmatter['attack']).toEqual([...rule.meta.attack]);
      expect(doc.body).toContain(`# ${id}\n`);
    });

    it('fires on the ❌ example and stays quiet on the ✅ example', async () => {
      const doc = readDoc(id);
      const ctx: ConfigRuleContext = { ...baseCtx, ...((doc.frontmatter['example_context'] as Partial<ConfigRuleContext> | undefined) ?? {}) };
      const bad = codeBlocks(doc.section('❌ Incorrect'));
      const good = codeBlocks(doc.section('✅ Correct'));
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
      for (const block of bad) {
        let count = 0;
        for (const e of entriesOf(block)) count += (await rule.check(e, ctx)).length;
        expect(count, `❌ example of ${id} must trigger it:\n${block}`).toBeGreaterThan(0);
      }
      for (const block of good) {
        for (const e of entriesOf(block)) expect((await rule.check(e, ctx)).map((r) => r.messageId), `✅ example, server ${e.name}`).toEqual([]);
      }
    });
  });
});
