import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ScanReportSchema } from '../../src/model/index.js';
import { render } from '../../src/report/index.js';
import { reportJsonSchemaText } from '../../src/report/json-schema.js';
import { SAMPLE_ERRORS, sampleReport } from '../helpers/sample-report.js';

const FILE = join(import.meta.dirname, '..', '..', 'schema', 'report.schema.json');

describe('json report and its schema', () => {
  it('schema/report.schema.json is up to date (run `npm run schema` after changing src/model/report.ts)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(reportJsonSchemaText());
  });

  it('is stamped generated, versioned and documented', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    expect(schema['$comment']).toMatch(/GENERATED.*Do not edit/);
    expect(schema['title']).toMatch(/schemaVersion 1/);
    expect(JSON.stringify(schema)).toContain('"description"');
  });

  it('json output validates against the committed schema and parses back with zod', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    for (const report of [sampleReport(), sampleReport({ errors: SAMPLE_ERRORS })]) {
      const json = JSON.parse(render(report, 'json', { color: false, verbose: false })) as unknown;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(ScanReportSchema.parse(json)).toEqual(json);
    }
    expect(validate({ schemaVersion: 2 })).toBe(false);
  });
});
