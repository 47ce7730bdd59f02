/**
 * @fileoverview Parity across every rule kind (like ESLint's checkRuleFiles): each rule in the
 * registry lives at src/rules/<id>.ts, has test/rules/<id>.test.ts and docs/rules/<id>.md with the
 * fixed headings; each rule file is registered; each rule doc belongs to a rule. Kind-specific
 * checks (e.g. doc examples that must fire) live next to each kind's tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SEVERITIES } from '../../src/model/index.js';
import { allRuleMetas } from '../../src/rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RULES_DIR = join(ROOT, 'src', 'rules');
const DOCS_DIR = join(ROOT, 'docs', 'rules');

/** H2 headings of a rule page, in this order; `Options` only for rules that take options. */
const REQUIRED_HEADINGS = ['Why is this dangerous', '❌ Incorrect', '✅ Correct', 'When not to use it', 'References'];
const OPTIONAL_HEADINGS = new Set(['Options']);

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), ext) : d.name.endsWith(ext) ? [join(dir, d.name)] : [],
  );
}

const idOf = (file: string, base: string, ext: string) => relative(base, file).split(sep).join('/').slice(0, -ext.length);

/**
 * Rules merged before their doc page or own test file existed. For these, a missing page or test is
 * tolerated (a page or test that exists is still checked in full); every other rule must have both.
 * Remove an id once its page and test land. Keep this list short and explained.
 */
const KNOWN_GAPS: ReadonlyMap<string, string> = new Map<string, string>([]);

const metas = allRuleMetas();
const ids = metas.map((m) => m.id);

interface RuleModule {
  default?: { kind?: unknown; meta?: { id?: unknown }; check?: unknown };
}

/** Files under src/rules/<kind>/ whose default export is a rule (helpers and registries are skipped). */
async function ruleFiles(): Promise<Array<{ path: string; id: unknown }>> {
  const files = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => walk(join(RULES_DIR, d.name), '.ts'));
  const out: Array<{ path: string; id: unknown }> = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as RuleModule;
    const rule = mod.default;
    if (rule && typeof rule.check === 'function' && rule.meta) out.push({ path: idOf(file, RULES_DIR, '.ts'), id: rule.meta.id });
  }
  return out;
}

describe('rule registry parity (all kinds)', () => {
  it('lists only registered rules as known gaps', () => {
    for (const id of KNOWN_GAPS.keys()) expect(ids, `KNOWN_GAPS names ${id}, which is not a rule`).toContain(id);
  });

  it('has rules, with unique ids', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every rule file declares the id equal to its path, and is registered', async () => {
    const files = await ruleFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f.id, `src/rules/${f.path}.ts declares id ${String(f.id)}`).toBe(f.path);
      expect(ids, `src/rules/${f.path}.ts is not in the registry (src/rules/index.ts)`).toContain(f.path);
    }
  });

  it('every rule doc belongs to a registered rule', () => {
    const docs = walk(DOCS_DIR, '.md')
      .map((f) => idOf(f, DOCS_DIR, '.md'))
      .filter((id) => id.includes('/'));
    for (const doc of docs) expect(ids, `docs/rules/${doc}.md has no rule`).toContain(doc);
  });

  describe.each(ids)('%s', (id) => {
    const meta = metas.find((m) => m.id === id)!;

    it('lives at src/rules/<id>.ts and exports itself as default', async () => {
      const file = join(RULES_DIR, `${id}.ts`);
      expect(existsSync(file), `missing ${relative(ROOT, file)}`).toBe(true);
      const mod = (await import(pathToFileURL(file).href)) as RuleModule;
      expect(mod.default?.meta?.id).toBe(id);
    });

    it('has its own test file', () => {
      const exists = existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`));
      expect(exists || KNOWN_GAPS.has(id), `missing test/rules/${id}.test.ts`).toBe(true);
    });

    it('has complete metadata', () => {
      expect(id).toMatch(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(meta.severity);
      for (const text of [meta.title, meta.description, meta.remediation, meta.category]) expect(text.trim().length).toBeGreaterThan(3);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      for (const t of meta.attack) expect(t).toMatch(/^(?:T\d{4}(?:\.\d{3})?|AML\.T\d{4}(?:\.\d{3})?)$/);
    });

    it('has docs/rules/<id>.md with frontmatter and the fixed headings in order', () => {
      const file = join(DOCS_DIR, `${id}.md`);
      if (!existsSync(file)) {
        expect(KNOWN_GAPS.has(id), `missing docs/rules/${id}.md`).toBe(true);
        return;
      }
      const text = readFileSync(file, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      expect(m, `docs/rules/${id}.md: missing frontmatter`).not.toBeNull();
      const front = parseYaml(m![1]!) as Record<string, unknown>;
      expect(front['id']).toBe(id);
      const headings = [...m![2]!.matchAll(/^## (.+)$/gm)].map((h) => h[1]!.trim()).filter((h) => !OPTIONAL_HEADINGS.has(h));
      expect(headings, `docs/rules/${id}.md headings`).toEqual(REQUIRED_HEADINGS);
      expect(m![2]).toContain(`# ${id}\n`);
    });
  });
});
