/**
 * @module policy
 * The gateway's policy: schema, loading with line numbers, compiled evaluator, hot reload.
 */
export * from './schema.js';
export * from './load.js';
export * from './compile.js';
export * from './watch.js';
export { globMatch, compileGlobs } from './glob.js';
export { parseDuration, parseSize } from './units.js';
export { unsafeRegexReason } from './regex-safety.js';
