import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analysis/definition.js';
import { atLeast, type ServerSnapshot, type Severity } from '../../src/model/index.js';
import type { ToolRule } from '../../src/rules/tool/types.js';

/** A tool definition for tests: name + description, optional schema properties and extras. */
export function tool(name: string, description: string, properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, description, inputSchema: { type: 'object', properties }, ...extra };
}

export function snapshotOf(tools: Array<Record<string, unknown>>, more: Partial<ServerSnapshot> = {}): ServerSnapshot {
  return { name: 'srv', source: 'inventory', tools: tools as ServerSnapshot['tools'], prompts: [], resources: [], resourceTemplates: [], ...more };
}

export interface ToolCase {
  name: string;
  tool?: Record<string, unknown>;
  /** Instead of one tool: a whole snapshot (server instructions, prompts). */
  snapshot?: ServerSnapshot;
}

export interface InvalidToolCase extends ToolCase {
  messageId: string;
  /** Minimum severity of the report. */
  severity?: Severity;
  /** JSON pointer the report must point at. */
  field?: string;
  /** Substring the decoded hidden text must contain. */
  decoded?: string;
}

function reportsOf(rule: ToolRule, c: ToolCase) {
  const snapshot = c.snapshot ?? snapshotOf([c.tool ?? {}]);
  return analyzeSnapshot(snapshot).flatMap((def) => rule.check(def, { snapshot }) as ReturnType<ToolRule['check']> extends infer R ? (R extends Promise<infer P> ? P : R) : never);
}

/**
 * ESLint RuleTester shape for tool rules. Valid cases must produce nothing at or above `medium`
 * (the benign threshold); invalid cases must produce the message id at the given severity or above.
 */
export function testToolRule(rule: ToolRule, cases: { valid: ToolCase[]; invalid: InvalidToolCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const reports = reportsOf(rule, c).filter((r) => atLeast(r.severity ?? rule.meta.severity, 'medium'));
        expect(reports).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const reports = reportsOf(rule, c);
        const match = reports.find((r) => r.messageId === c.messageId && (c.field === undefined || r.field === c.field));
        expect(match, `reports: ${JSON.stringify(reports.map((r) => [r.messageId, r.field, r.severity]))}`).toBeDefined();
        if (match === undefined) return;
        expect(rule.meta.messages[match.messageId as keyof typeof rule.meta.messages]).toBeDefined();
        expect(atLeast(match.severity ?? rule.meta.severity, c.severity ?? 'medium')).toBe(true);
        if (c.decoded !== undefined) expect(match.decoded ?? '').toContain(c.decoded);
      });
    }
  });
}
