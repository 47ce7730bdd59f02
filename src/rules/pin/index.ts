// Registry of pin rules, sorted by id. A test checks it matches the files in this folder and docs/rules/pin/.
import type { PinRule, SignatureRule } from './types.js';
import descriptionSwapped from './description-swapped.js';
import instructionsChanged from './instructions-changed.js';
import lockfileSignature from './lockfile-signature.js';
import promptChanged from './prompt-changed.js';
import resourceChanged from './resource-changed.js';
import serverAdded from './server-added.js';
import serverIdentityChanged from './server-identity-changed.js';
import serverRemoved from './server-removed.js';
import toolAdded from './tool-added.js';
import toolAnnotationsChanged from './tool-annotations-changed.js';
import toolDescriptionChanged from './tool-description-changed.js';
import toolRemoved from './tool-removed.js';
import toolRenamed from './tool-renamed.js';
import toolSchemaChanged from './tool-schema-changed.js';

/** Rules that turn drift changes into findings. */
export const pinDriftRules = {
  'pin/description-swapped': descriptionSwapped,
  'pin/instructions-changed': instructionsChanged,
  'pin/prompt-changed': promptChanged,
  'pin/resource-changed': resourceChanged,
  'pin/server-added': serverAdded,
  'pin/server-identity-changed': serverIdentityChanged,
  'pin/server-removed': serverRemoved,
  'pin/tool-added': toolAdded,
  'pin/tool-annotations-changed': toolAnnotationsChanged,
  'pin/tool-description-changed': toolDescriptionChanged,
  'pin/tool-removed': toolRemoved,
  'pin/tool-renamed': toolRenamed,
  'pin/tool-schema-changed': toolSchemaChanged,
} satisfies Record<string, PinRule>;

/** Rules about the lockfile itself. */
export const pinLockfileRules = {
  'pin/lockfile-signature': lockfileSignature,
} satisfies Record<string, SignatureRule>;
