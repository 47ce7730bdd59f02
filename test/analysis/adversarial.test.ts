import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analysis/definition.js';
import { SIGNAL_PATTERNS, signalsOf, type SignalKind } from '../../src/analysis/signals/index.js';
import { analyzeText } from '../../src/analysis/text.js';
import { toolRules } from '../../src/rules/tool/index.js';
import { analyzeDefinitions } from '../../src/app/analyze-definitions.js';

/** 1 MB of `unit` repeated. */
const mb = (unit: string): string => unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);

// Long runs of the characters the patterns repeat on (classes, windows, separators), plus
// near-misses of real phrases that make the engine try every alternative at every position.
const INPUTS: Record<string, string> = {
  spaces: mb(' '),
  newlines: mb('\n'),
  letters: mb('a'),
  'base64 alphabet': mb('Ab0+'),
  hex: mb('af'),
  'percent escapes': mb('%4'),
  'unicode escapes': mb('\\u004'),
  binary: mb('0101010 '),
  morse: mb('.- '),
  'html comment openers': mb('<!--'),
  'tag soup': mb('<a '),
  brackets: mb('[x]('),
  'zero-width': mb('a\u200b'),
  'tag characters': mb('\u{E0041}'),
  'escape sequences': mb('\u001b['),
  'near-miss phrases': mb('ignore the previous do not tell curl http:// send the '),
  'identifier soup': mb('a_b.c_d '),
  digits: mb('1234 '),
};

const KINDS = [...new Set(SIGNAL_PATTERNS.map((p) => p.kind))] as SignalKind[];

describe('linear time on 1 MB of adversarial text', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`the normaliser and decoders finish on 1 MB: ${name}`, () => {
      const a = analyzeText(text);
      expect(typeof a.visible.text).toBe('string');
    });
    it(`every signal pattern finishes, prefilter bypassed (128 KB): ${name}`, () => {
      const sample = text.slice(0, 128 * 1024);
      for (const p of SIGNAL_PATTERNS) {
        p.regex.lastIndex = 0;
        let n = 0;
        for (const _m of sample.matchAll(p.regex)) if (++n > 64) break;
      }
      const s = signalsOf(sample);
      for (const k of KINDS) expect(Array.isArray(s.hits(k))).toBe(true);
    });
  }

  it('every tool rule finishes on a definition made of adversarial text', () => {
    const description = Object.values(INPUTS).map((t) => t.slice(0, 16 * 1024)).join('\n');
    const tool = { name: 'x', description, inputSchema: { type: 'object', properties: { p: { type: 'string', description } } } };
    const snapshot = { name: 's', source: 'inventory' as const, tools: [tool], prompts: [], resources: [], resourceTemplates: [] };
    for (const def of analyzeSnapshot(snapshot)) for (const rule of Object.values(toolRules)) expect(Array.isArray(rule.check(def, { snapshot }))).toBe(true);
  });

  it('one server with 20,000 tools is analysed in one pass (no per-tool copy of the tool list)', () => {
    const tools = Array.from({ length: 20_000 }, (_, i) => ({ name: `tool_${i}`, description: `Tool number ${i}.`, inputSchema: { type: 'object' } }));
    const snapshot = { name: 's', source: 'inventory' as const, tools, prompts: [], resources: [], resourceTemplates: [] };
    const defs = analyzeSnapshot(snapshot);
    expect(defs).toHaveLength(20_000);
    // Every definition shares the server's one list of tool names.
    expect(defs[0]?.serverTools).toBe(defs[19_999]?.serverTools);
    expect(defs[0]?.serverTools).toHaveLength(20_000);
  });

  it('2,000 servers offering one tool name, each mentioning it: flow rules stay linear', () => {
    const snapshots = Array.from({ length: 2000 }, (_, i) => ({
      name: `server-${i}`,
      source: 'inventory' as const,
      entry: { client: 'inventory', configFile: 'inv.json' },
      tools: [{ name: 'search_docs', description: 'Use search_docs of this server, never search_docs of another server.', inputSchema: { type: 'object' } }],
      prompts: [],
      resources: [],
      resourceTemplates: [],
    }));
    const out = analyzeDefinitions(snapshots);
    expect(out.errors).toEqual([]);
    expect(out.findings.filter((f) => f.ruleId === 'flow/tool-name-collision')).toHaveLength(1);
  });
});
