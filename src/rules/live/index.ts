// Registry of live rules (judging what live inspection observed), sorted by id. A test checks it
// matches the files in this folder.
import type { LiveRule } from './types.js';
import identityDependentTools from './identity-dependent-tools.js';
import plainHttpRemote from './plain-http-remote.js';
import unauthenticatedRemote from './unauthenticated-remote.js';

export const liveRules = {
  'live/identity-dependent-tools': identityDependentTools,
  'live/plain-http-remote': plainHttpRemote,
  'live/unauthenticated-remote': unauthenticatedRemote,
} satisfies Record<string, LiveRule>;
