import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDefinitions } from '../../src/app/analyze-definitions.js';
import { atLeast, type ServerSnapshot } from '../../src/model/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const load = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; category: string; server: { name: string; instructions?: string }; tool: Record<string, unknown> });

describe('benign corpus (real servers, incl. hard negatives)', () => {
  it('every rule (tool and flow) raises nothing at medium or above', () => {
    // Group records by server, as a client would connect them: one inventory per server.
    const byServer = new Map<string, ServerSnapshot>();
    for (const r of load('benign.jsonl')) {
      const s = byServer.get(r.server.name) ?? { name: r.server.name, source: 'inventory', entry: { client: 'corpus', configFile: r.server.name }, tools: [], prompts: [], resources: [], resourceTemplates: [] };
      if (r.server.instructions !== undefined) s.instructions = r.server.instructions;
      s.tools.push(r.tool as ServerSnapshot['tools'][number]);
      byServer.set(r.server.name, s);
    }
    const { findings, errors } = analyzeDefinitions([...byServer.values()]);
    expect(errors).toEqual([]);
    const loud = findings.filter((f) => atLeast(f.severity, 'medium')).map((f) => `${f.ruleId} ${f.location.server}/${f.location.tool ?? ''} ${f.location.field ?? ''}: ${f.evidence ?? ''}`);
    expect(loud).toEqual([]);
  });

  it('the malicious corpus is still detected (recall >= 0.95 at medium)', () => {
    const mal = load('malicious.jsonl');
    let hit = 0;
    for (const r of mal) {
      const snapshot: ServerSnapshot = { name: r.server.name, source: 'inventory', tools: [r.tool as ServerSnapshot['tools'][number]], prompts: [], resources: [], resourceTemplates: [] };
      if (analyzeDefinitions([snapshot]).findings.some((f) => atLeast(f.severity, 'medium'))) hit++;
    }
    expect(hit / mal.length).toBeGreaterThanOrEqual(0.95);
  });
});
