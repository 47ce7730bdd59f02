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

export const RULES: readonly ToolRule[] = Object.values(toolRules) as ToolRule[];

/**
 * Long results are judged in overlapping segments. A signal kind keeps its first 64 hits per text,
 * and 100 KB of benign rows exhausts that long before an injection buried in the middle or at the
 * end: judged whole, 36 of 732 such placements of the corpus attacks went unflagged; in 16 KB
 * segments one does (a leetspeak text whose density the benign rows dilute). The overlap is longer
 * than any attack of the corpus, so an attack lies whole inside some segment. Segments cost about
 * 10% more analysis time on large benign results.
 */
export const SEGMENT_CHARS = 16 * 1024;
export const SEGMENT_OVERLAP = 2 * 1024;

/** Splits a long text into overlapping segments, each cut after a newline or space where one is near. */
export function segments(text: string, size = SEGMENT_CHARS, overlap = SEGMENT_OVERLAP): string[] {
  if (text.length <= size) return [text];
  const out: string[] = [];
  for (let start = 0; ; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf(' ', end - 1));
      if (cut > start + size / 2) end = cut + 1;
    }
    out.push(text.slice(start, end));
    if (end >= text.length) return out;
    start = end - overlap;
  }
}

/** One text the rules judge: a result string, or a segment of a long one, with where it came from. */
export interface ResultPart {
  pointer: string;
  text: string;
}

/** The parts of result texts: each text whole, or its segments when long. */
export function resultParts(texts: readonly string[]): ResultPart[] {
  return texts.flatMap((text, i) => segments(text).map((part, j, all) => ({ pointer: all.length > 1 ? `/result/${i}#${j}` : `/result/${i}`, text: part })));
}

/** Result parts as one analysed definition the tool rules can judge. */
function partsDefinition(parts: readonly ResultPart[], where: { server: string; target: string }): AnalyzedDefinition {
  const fields: AnalyzedField[] = parts.map(({ pointer, text }) => ({ pointer, role: 'other' as const, text, inSchema: false, analysis: analyzeText(text) }));
  return { kind: 'server', server: where.server, name: where.target, fields, params: new Set(), purpose: '', description: '', raw: parts.map((p) => p.text), serverTools: [], content: true };
}

/** Result texts as one analysed definition the tool rules can judge. */
export function resultDefinition(texts: readonly string[], where: { server: string; target: string }): AnalyzedDefinition {
  return partsDefinition(resultParts(texts), where);
}

/** Position of each default rule, so verdicts merged from several scans list rules as one scan does. */
const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));

/**
 * Verdicts of scans of disjoint parts of one result, as one: every rule that hit, at its highest
 * severity, with its reports counted together. The prose rules judge each part on its own, so the
 * rules and severities are those of one scan of all the parts (test/gateway/result-shared.test.ts);
 * a rule that reports only its strongest part counts once per scan.
 */
export function mergeHits(verdicts: ReadonlyArray<readonly ResultScanHit[]>): ResultScanHit[] {
  const merged = new Map<string, ResultScanHit>();
  for (const hits of verdicts) {
    for (const h of hits) {
      const prev = merged.get(h.ruleId);
      if (prev === undefined) merged.set(h.ruleId, { ...h });
      else {
        prev.count += h.count;
        if (severityRank(h.severity) > severityRank(prev.severity)) prev.severity = h.severity;
      }
    }
  }
  const rank = (id: string) => RULE_ORDER.get(id) ?? RULE_ORDER.size;
  return [...merged.values()].sort((a, b) => rank(a.ruleId) - rank(b.ruleId));
}

/** The verdict of `rules` on result parts, in this thread. A rule that throws counts as a hit of SCAN_FAILED_RULE: never clean. */
export function scanParts(parts: readonly ResultPart[], where: { server: string; target: string }, log: (message: string) => void, rules: readonly ToolRule[] = RULES): ResultScanHit[] {
  const def = partsDefinition(parts, where);
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
}

export function resultScanner(log: (message: string) => void, rules: readonly ToolRule[] = RULES): ResultScanner {
  return {
    warmUp: warmUpAnalysis,
    scan: (texts, where) => scanParts(resultParts(texts), where, log, rules),
  };
}
