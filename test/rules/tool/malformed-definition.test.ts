import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../../src/analysis/definition.js';
import rule from '../../../src/rules/tool/malformed-definition.js';
import { snapshotOf, tool } from '../../helpers/tool-rule-tester.js';

function ids(t: Record<string, unknown>): string[] {
  const snapshot = snapshotOf([t]);
  return analyzeSnapshot(snapshot).flatMap((d) => rule.check(d, { snapshot }) as Array<{ messageId: string }>).map((r) => r.messageId);
}

describe('tool/malformed-definition', () => {
  it('valid: a well-formed tool', () => expect(ids(tool('ok', 'Fine.', { a: { type: 'string' } }))).toEqual([]));
  it('invalid: no name', () => expect(ids({ description: 'x', inputSchema: { type: 'object' } })).toEqual(['noName']));
  it('invalid: schema is a string', () => expect(ids({ name: 'x', inputSchema: 'object' })).toEqual(['badSchema']));
  it('invalid: schema of type array', () => expect(ids({ name: 'x', inputSchema: { type: 'array' } })).toEqual(['badSchema']));
  it('invalid: missing schema and object description', () => expect(ids({ name: 'x', description: { text: 'hi' } })).toEqual(['badSchema', 'badDescription']));
  it('invalid: properties is an array', () => expect(ids({ name: 'x', inputSchema: { type: 'object', properties: [] } })).toEqual(['badProperties']));
});
