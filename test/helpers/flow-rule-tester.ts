import { analyzeDefinitions } from '../../src/app/analyze-definitions.js';
import type { Finding, ServerSnapshot } from '../../src/model/index.js';

/** Runs the whole definition stage (tool + flow rules) over servers of one inventory client. */
export function flowFindings(servers: Array<{ name: string; tools: Array<Record<string, unknown>> }>, ruleId: string): Finding[] {
  const snapshots: ServerSnapshot[] = servers.map((s) => ({ name: s.name, source: 'inventory', entry: { client: 'inventory', configFile: '/tmp/inv.json' }, tools: s.tools as ServerSnapshot['tools'], prompts: [], resources: [], resourceTemplates: [] }));
  return analyzeDefinitions(snapshots).findings.filter((f) => f.ruleId === ruleId);
}
