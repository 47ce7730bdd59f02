// Writes the generated JSON Schemas from the zod schemas (run through `npm run schema`, after a build):
// schema/report.schema.json (src/model/report.ts) and schema/inventory.schema.json (src/model/inventory.ts).
// Generated output: edit the zod schemas, never the JSON files. Tests check the committed files are current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { inventoryJsonSchema } from '../dist/model/inventory-json-schema.js';
import { reportJsonSchemaText } from '../dist/report/json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
const outputs = [
  ['../schema/report.schema.json', reportJsonSchemaText()],
  ['../schema/inventory.schema.json', `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`],
];
for (const [path, text] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
