import { z } from 'zod';
import { InventoryDocumentSchema } from './inventory.js';

/** The documented JSON Schema of inventory files (schema/inventory.schema.json is generated from this). */
export function inventoryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(InventoryDocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/mcp-warden/mcp-warden/schema/inventory.schema.json',
    title: 'mcp-warden inventory',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
