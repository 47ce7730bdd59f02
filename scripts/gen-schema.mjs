// Writes schema/report.schema.json from the zod schema (run through `npm run schema`, after a build).
// Generated output: edit src/model/report.ts, never the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { reportJsonSchemaText } from '../dist/report/json-schema.js';

const target = new URL('../schema/report.schema.json', import.meta.url);
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(target, reportJsonSchemaText());
console.log(`wrote ${target.pathname}`);
