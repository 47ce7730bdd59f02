import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * Validator for the SARIF 2.1.0 JSON schema as published by Microsoft (the SARIF SDK's
 * sarif-2.1.0-rtm.5.json, shipped in @microsoft/jest-sarif). It is a draft-04 schema, hence
 * ajv-draft-04. `unicodeRegExp: false` because one of its patterns (`language`) is not valid with
 * the `u` flag that ajv uses by default; it is valid as the schema intends it (ECMA-262 without `u`).
 */
export function sarifValidator(): ValidateFunction {
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
  const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
