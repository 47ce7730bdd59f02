// Registry of supply-chain rules, sorted by id. A test checks it matches the files in this folder and docs/rules/supplychain/.
import type { SupplyChainRule } from './types.js';
import deprecated from './deprecated.js';
import floatingVersion from './floating-version.js';
import installScripts from './install-scripts.js';
import knownMaliciousHost from './known-malicious-host.js';
import knownMaliciousPackage from './known-malicious-package.js';
import maintainerChange from './maintainer-change.js';
import noRepository from './no-repository.js';
import packageNotFound from './package-not-found.js';
import provenance from './provenance.js';
import recentRelease from './recent-release.js';
import registryListing from './registry-listing.js';
import typosquat from './typosquat.js';
import versionAheadOfTags from './version-ahead-of-tags.js';
import yankedRelease from './yanked-release.js';

export const supplyChainRules = {
  'supplychain/deprecated': deprecated,
  'supplychain/floating-version': floatingVersion,
  'supplychain/install-scripts': installScripts,
  'supplychain/known-malicious-host': knownMaliciousHost,
  'supplychain/known-malicious-package': knownMaliciousPackage,
  'supplychain/maintainer-change': maintainerChange,
  'supplychain/no-repository': noRepository,
  'supplychain/package-not-found': packageNotFound,
  'supplychain/provenance': provenance,
  'supplychain/recent-release': recentRelease,
  'supplychain/registry-listing': registryListing,
  'supplychain/typosquat': typosquat,
  'supplychain/version-ahead-of-tags': versionAheadOfTags,
  'supplychain/yanked-release': yankedRelease,
} satisfies Record<string, SupplyChainRule>;
