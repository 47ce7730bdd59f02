import type { Reporter } from './types.js';

/** Machine-readable report; shape documented in schema/report.schema.json (versioned by schemaVersion). */
export const jsonReporter: Reporter = {
  format: 'json',
  render(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};
