// Registry of config rules, sorted by id. A test checks it matches the files in this folder.
import type { ConfigRule } from './types.js';
import dangerousFlags from './dangerous-flags.js';
import disabledServer from './disabled-server.js';
import filesystemRoot from './filesystem-root.js';
import plaintextHttp from './plaintext-http.js';
import remoteWithoutAuth from './remote-without-auth.js';
import secretLiteral from './secret-literal.js';
import secretsFileReadable from './secrets-file-readable.js';
import shellWrapper from './shell-wrapper.js';
import unpinnedPackage from './unpinned-package.js';
import unresolvedPlaceholder from './unresolved-placeholder.js';

export const configRules = {
  'config/dangerous-flags': dangerousFlags,
  'config/disabled-server': disabledServer,
  'config/filesystem-root': filesystemRoot,
  'config/plaintext-http': plaintextHttp,
  'config/remote-without-auth': remoteWithoutAuth,
  'config/secret-literal': secretLiteral,
  'config/secrets-file-readable': secretsFileReadable,
  'config/shell-wrapper': shellWrapper,
  'config/unpinned-package': unpinnedPackage,
  'config/unresolved-placeholder': unresolvedPlaceholder,
} satisfies Record<string, ConfigRule>;
