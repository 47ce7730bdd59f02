/**
 * The call lane skips the SDK's schema checks for the commonest request and result shapes. These
 * tests hold the shortcut to the schemas: every shape it accepts, the schema accepts and returns
 * unchanged; every near miss goes to the schema.
 */
import { describe, expect, it } from 'vitest';
import { specTypeSchemas } from '@modelcontextprotocol/server';
import { plainCallParams, plainToolResult } from '../../src/gateway/call-lane.js';

type Parser = { safeParse(v: unknown): { success: boolean; data?: unknown } };
const requestSchema = specTypeSchemas.CallToolRequest as unknown as Parser;
const resultSchema = specTypeSchemas.CallToolResult as unknown as Parser;

const plainParams: unknown[] = [
  { name: 'read_file' },
  { name: 'read_file', arguments: {} },
  { name: 'read_file', arguments: { path: '/tmp/a', depth: 2, nested: { a: [1, 2] } } },
  { name: '', arguments: { x: null } },
  { name: 'x', _meta: {} },
  { name: 'x', _meta: { progressToken: 'p-1' } },
  { name: 'x', arguments: { a: 1 }, _meta: { progressToken: 7 } },
  { name: 'x', arguments: Object.assign(Object.create(null) as object, { a: 1 }) },
];

const otherParams: unknown[] = [
  undefined,
  null,
  [],
  'x',
  {},
  { name: 7 },
  { name: 'x', arguments: [] },
  { name: 'x', arguments: 'a=1' },
  { name: 'x', arguments: null },
  { name: 'x', arguments: new Date(0) },
  { name: 'x', _meta: { progressToken: 1.5 } },
  { name: 'x', _meta: { progressToken: null } },
  { name: 'x', _meta: { progressToken: 'p', 'io.modelcontextprotocol/related-task': { taskId: 't' } } },
  { name: 'x', _meta: { custom: 1 } },
  { name: 'x', _meta: [] },
  { name: 'x', task: { ttl: 1000 } },
  { name: 'x', extra: true },
];

const plainResults: Record<string, unknown>[] = [
  { content: [] },
  { content: [{ type: 'text', text: '' }] },
  { content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b\u0000c' }], isError: false },
  { content: [{ type: 'text', text: 'failed' }], isError: true },
];

const otherResults: Record<string, unknown>[] = [
  {},
  { content: 'not a list' },
  { content: [{ type: 'text', text: 1 }] },
  { content: [{ type: 'text' }] },
  { content: [{ type: 'text', text: 'a', annotations: { priority: 2 } }] },
  { content: [{ type: 'text', text: 'a', extra: 1 }] },
  { content: [{ type: 'image', data: 'aGk=', mimeType: 'image/png' }] },
  { content: [null] },
  { content: [['text']] },
  { content: [], isError: 'yes' },
  { content: [], structuredContent: { n: 1 } },
  { content: [], _meta: { progressToken: 1.5 } },
  { content: [], task: { taskId: 't' } },
];

describe('call lane shortcuts match the SDK schemas', () => {
  it.each(plainParams.map((p) => [JSON.stringify(p) ?? String(p), p] as const))('plain params %s: the schema accepts them', (_label, params) => {
    expect(plainCallParams(params)).toBe(true);
    expect(requestSchema.safeParse({ method: 'tools/call', params }).success).toBe(true);
  });

  it.each(otherParams.map((p) => [JSON.stringify(p) ?? String(p), p] as const))('params %s go to the schema', (_label, params) => {
    expect(plainCallParams(params)).toBe(false);
  });

  it('some near misses are invalid and some valid: the shortcut only ever says "certainly valid"', () => {
    const verdicts = otherParams.map((params) => requestSchema.safeParse({ method: 'tools/call', params }).success);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it.each(plainResults.map((r) => [JSON.stringify(r), r] as const))('plain result %s: the schema accepts it and returns it unchanged', (_label, result) => {
    expect(plainToolResult(result)).toBe(true);
    const parsed = resultSchema.safeParse(result);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(result);
  });

  it.each(otherResults.map((r) => [JSON.stringify(r), r] as const))('result %s goes to the schema', (_label, result) => {
    expect(plainToolResult(result)).toBe(false);
  });
});
