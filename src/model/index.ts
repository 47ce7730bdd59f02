export * from './severity.js';
export * from './server-entry.js';
export * from './snapshot.js';
export * from './finding.js';
export * from './scan-error.js';
export * from './report.js';
export * from './fingerprint.js';
export * from './errors.js';
