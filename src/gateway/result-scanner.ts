/**
 * @module gateway/result-scanner
 * Result scanning with the real tool rules (src/rules/tool): every text string of a tool result,
 * resource content or prompt message is normalised by the same analysis as tool definitions
 * (src/analysis: invisible and tag characters, ANSI, encodings, hidden markup) and judged by every
 * tool rule, as prose the model will read (a definition of kind `server`, like server
 * instructions). Rules about a tool's own shape (its name, schema, privileges) do not apply to
 * that kind and stay silent; the prose rules (hidden instructions, exfiltration, credential
 * harvesting, shadowing of other tools, command lures, smuggled text) do the work.
 */
import type { AnalyzedDefinition, AnalyzedField } from '../analysis/definition.js';
import { analyzeText } from '../analysis/text.js';
import { warmUpAnalysis } from '../analysis/warm-up.js';
import { severityRank, type ServerSnapshot } from '../model/index.js';
import { toolRules } from '../rules/tool/index.js';
import type { ToolRule } from '../rules/tool/types.js';
import type { RuleReport } from '../rules/types.js';
import type { ResultScanHit, ResultScanner } from './middleware/output-scan/index.js';

/** Rule id reported when a rule throws on a result: the result was not fully scanned, so it is not clean. */
export const SCAN_FAILED_RULE = 'mcp-warden/result-scan-failed';

const RULES: readonly ToolRule[] = Object.values(toolRules) as ToolRule[];

/** Result texts as one analysed definition the tool rules can judge. */
export function resultDefinition(texts: readonly string[], where: { server: string; target: string }): AnalyzedDefinition {
  const fields: AnalyzedField[] = texts.map((text, i) => ({ pointer: `/result/${i}`, role: 'other', text, inSchema: false, analysis: analyzeText(text) }));
  return { kind: 'server', server: where.server, name: where.target, fields, params: new Set(), purpose: '', description: '', raw: texts, serverTools: [] };
}

export function resultScanner(log: (message: string) => void, rules: readonly ToolRule[] = RULES): ResultScanner {
  return {
    warmUp: warmUpAnalysis,
    scan(texts, where) {
      const def = resultDefinition(texts, where);
      const snapshot: ServerSnapshot = { name: where.server, source: 'live', tools: [], prompts: [], resources: [], resourceTemplates: [] };
      const hits = new Map<string, ResultScanHit>();
      const add = (ruleId: string, severity: ResultScanHit['severity']) => {
        const prev = hits.get(ruleId);
        if (prev === undefined) hits.set(ruleId, { ruleId, severity, count: 1 });
        else {
          prev.count++;
          if (severityRank(severity) > severityRank(prev.severity)) prev.severity = severity;
        }
      };
      for (const rule of rules) {
        let reports: RuleReport[];
        try {
          const out = rule.check(def, { snapshot });
          if (!Array.isArray(out)) throw new Error('tool rules must be synchronous');
          reports = out;
        } catch (err) {
          log(`result scanning: rule ${rule.meta.id} failed on a result of ${where.server}/${where.target}: ${(err as Error).message}`);
          add(SCAN_FAILED_RULE, 'high');
          continue;
        }
        for (const r of reports) add(rule.meta.id, r.severity ?? rule.meta.severity);
      }
      return [...hits.values()];
    },
  };
}
