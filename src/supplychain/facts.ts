/**
 * @module supplychain/facts
 * What the registries said about one package, in one shape for every ecosystem, so the supply-chain
 * rules stay pure functions of data. A fact the registry did not expose is absent and listed in
 * `unchecked` with the reason: the report must say what was not checked.
 */
import type { PackageRef } from './package-ref.js';
import type { RepositoryTags } from './github-tags.js';
import type { ProvenanceFacts } from './provenance.js';

/** What an MCP registry listing says, and what the package claims about it. */
export interface ListingFacts {
  /** The server name the package claims (`mcpName` in package.json, `mcp-name:` in a PyPI README, an OCI label, server.json). */
  claimedName: string;
  /** Where the claim was read. */
  claimedIn: string;
  /** `listed` = the registry has it; `not-listed` = 404; `not-checked` = lookup failed/offline. */
  status: 'listed' | 'not-listed' | 'not-checked';
  /** Packages the listing points at, as `registryType:identifier`. */
  packages?: string[];
  /** `host/owner/repo` of the listing's repository, if given. */
  repository?: string;
  /** Listing status (`active`, `deprecated`, `deleted`). */
  listingStatus?: string;
  reason?: string;
}

export interface PackageFacts {
  ref: PackageRef;
  /** The registry host asked, for messages. */
  registry?: string;
  /** False when the registry answered "no such package/version" (404). */
  found: boolean;
  /** What the spec resolves to today (for a pinned spec, itself). */
  resolvedVersion?: string;
  /** The registry's current default (`latest` dist-tag, PyPI's newest release, the tag's digest). */
  latestVersion?: string;
  versionCount?: number;
  /** ISO time the resolved version was published. */
  publishedAt?: string;
  /** The next lower version (semver order, or release order where versions are not semver). */
  previousVersion?: string;
  maintainers?: string[];
  previousMaintainers?: string[];
  /** Account that published the resolved version, and every account that published an earlier one. */
  publisher?: string;
  earlierPublishers?: string[];
  /** Lifecycle scripts npm runs on install (`preinstall`, `install`, `postinstall`), with their command. */
  installScripts?: Record<string, string>;
  deprecated?: string;
  /** PyPI: the release is yanked (with the reason, when given). */
  yanked?: { reason?: string };
  /** The package's own repository claim, raw and normalised (`host/owner/repo`). */
  repositoryRaw?: string;
  repository?: string;
  provenance: ProvenanceFacts;
  /** OCI: the digest the tag points at today. */
  resolvedDigest?: string;
  listing?: ListingFacts;
  /** What the tags of the package's GitHub repository say about the resolved version (vet asks GitHub). */
  repositoryTags?: RepositoryTags;
  /** Checks that could not be made for this package, with the reason. */
  unchecked: Array<{ check: string; reason: string }>;
}

export function emptyFacts(ref: PackageRef): PackageFacts {
  return { ref, found: true, provenance: { status: 'not-checked' }, unchecked: [] };
}
