// Registry of config rules, sorted by id. A test checks it matches the files in this folder.
import type { ConfigRule } from './types.js';
import disabledServer from './disabled-server.js';
import secretLiteral from './secret-literal.js';
import secretsFileReadable from './secrets-file-readable.js';
import unpinnedPackage from './unpinned-package.js';

export const configRules = {
  'config/disabled-server': disabledServer,
  'config/secret-literal': secretLiteral,
  'config/secrets-file-readable': secretsFileReadable,
  'config/unpinned-package': unpinnedPackage,
} satisfies Record<string, ConfigRule>;
