// Generates schema/inventory.schema.json from the zod schemas in src/model/inventory.ts (built).
// Run: npm run build && node scripts/gen-schemas.mjs   (a test checks the committed file is current)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventoryJsonSchema } from '../dist/model/inventory-json-schema.js';

writeFileSync(join(import.meta.dirname, '..', 'schema', 'inventory.schema.json'), `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`);
