/**
 * @fileoverview Definitions that break the MCP shape: no name, no object input schema, non-string
 * description. They are analysed as far as possible; this rule says what was wrong, because
 * clients handle such tools inconsistently (some drop them, some show them raw).
 */
import type { AnalyzedDefinition } from '../../analysis/definition.js';
import { defineRule } from '../define.js';
import type { RuleReport } from '../types.js';
import type { ToolRuleContext } from './types.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export default defineRule<AnalyzedDefinition, ToolRuleContext, 'noName' | 'badSchema' | 'badDescription' | 'badProperties'>({
  kind: 'tool',
  meta: {
    id: 'tool/malformed-definition',
    title: 'Tool definition does not follow the MCP schema',
    description:
      'A tool without a name, without an object input schema or with a non-string description is not a valid MCP tool. Clients disagree on how to handle it, so what the model sees may differ from what a reviewer sees.',
    severity: 'low',
    category: 'hygiene',
    attack: [],
    remediation: 'Fix the server so every tool has a string name, a string description and an inputSchema of type "object".',
    messages: {
      noName: 'A tool of server "{{server}}" has no name.',
      badSchema: 'Tool "{{name}}" has an input schema that is {{what}}, not a JSON Schema object of type "object".',
      badDescription: 'Tool "{{name}}" has a description that is a {{what}}, not a string.',
      badProperties: 'Tool "{{name}}" has "properties" that are not an object.',
    },
  },
  check(def) {
    if (def.kind !== 'tool') return [];
    const raw = isObject(def.raw) ? def.raw : {};
    const reports: RuleReport<'noName' | 'badSchema' | 'badDescription' | 'badProperties'>[] = [];
    if (typeof raw['name'] !== 'string' || raw['name'].length === 0) reports.push({ messageId: 'noName' as const, data: { server: def.server }, field: '/name' });
    const schema = raw['inputSchema'];
    const name = def.name || '(unnamed)';
    if (!isObject(schema)) {
      reports.push({ messageId: 'badSchema' as const, data: { name, what: schema === undefined ? 'missing' : Array.isArray(schema) ? 'an array' : schema === null ? 'null' : `a ${typeof schema}` }, field: '/inputSchema' });
    } else {
      if (schema['type'] !== 'object') reports.push({ messageId: 'badSchema' as const, data: { name, what: `of type ${JSON.stringify(schema['type'] ?? null)}` }, field: '/inputSchema/type' });
      if (schema['properties'] !== undefined && !isObject(schema['properties'])) reports.push({ messageId: 'badProperties' as const, data: { name }, field: '/inputSchema/properties' });
    }
    const d = raw['description'];
    if (d !== undefined && typeof d !== 'string') reports.push({ messageId: 'badDescription' as const, data: { name, what: Array.isArray(d) ? 'array' : d === null ? 'null' : typeof d }, field: '/description' });
    return reports;
  },
});
