/**
 * @fileoverview The definition-analysis stage of a scan: tool rules over every snapshot, then flow
 * rules over the servers each client connects. Takes ServerSnapshots from any source (inventory
 * files today, live inspection later).
 */
import type { Finding, ScanError, ServerSnapshot } from '../model/index.js';
import { flowRules, toolRules } from '../rules/index.js';
import { flowGroups, runFlowRules } from '../rules/run-flow.js';
import { runToolRules } from '../rules/run-tool.js';

export interface DefinitionAnalysis {
  findings: Finding[];
  errors: ScanError[];
  /** Tool count per server name. */
  toolCounts: Map<string, number>;
}

export function analyzeDefinitions(snapshots: readonly ServerSnapshot[]): DefinitionAnalysis {
  const tool = runToolRules(Object.values(toolRules), snapshots);
  const flow = runFlowRules(Object.values(flowRules), flowGroups(snapshots, tool.definitions, tool.findings));
  return {
    findings: [...tool.findings, ...flow.findings],
    errors: [...tool.errors, ...flow.errors],
    toolCounts: new Map(snapshots.map((s) => [s.name, s.tools.length])),
  };
}
