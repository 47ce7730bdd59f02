// Registry of config rules, sorted by id. A test checks it matches the files in this folder.
import type { ConfigRule } from './types.js';
import disabledServer from './disabled-server.js';

export const configRules = {
  'config/disabled-server': disabledServer,
} satisfies Record<string, ConfigRule>;
