/**
 * @module supplychain/trust-root
 * The Sigstore trusted root (Fulcio CAs, Rekor and CT log keys) that provenance is verified against,
 * loaded without the network: either a file the user gives (`--trusted-root`, e.g. for a private
 * Sigstore instance or a root refreshed with `cosign trusted-root`/TUF elsewhere), or the root that
 * ships inside @sigstore/tuf's `seeds.json` (the TUF-signed target `trusted_root.json` from the public
 * Sigstore TUF repository, pinned by our lockfile's integrity hash like any code we run).
 * @see https://github.com/sigstore/protobuf-specs/blob/main/protos/sigstore_trustroot.proto
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';

export interface LoadedTrustRoot {
  material: TrustMaterial;
  /** Human description for the report notes. */
  source: string;
}

const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';

function fromJson(json: unknown, source: string): LoadedTrustRoot {
  const root = TrustedRoot.fromJSON(json);
  if (root.certificateAuthorities.length === 0 || root.tlogs.length === 0) {
    throw new Error(`${source}: trusted root has no certificate authority or no transparency log`);
  }
  return { material: toTrustMaterial(root), source };
}

/** The public-good trusted root bundled with @sigstore/tuf (no network). */
export function bundledTrustRoot(): LoadedTrustRoot {
  const require = createRequire(import.meta.url);
  const seeds = require('@sigstore/tuf/seeds.json') as Record<string, { targets?: Record<string, string> }>;
  const version = (require('@sigstore/tuf/package.json') as { version: string }).version;
  const b64 = seeds[PUBLIC_GOOD_TUF]?.targets?.['trusted_root.json'];
  if (!b64) throw new Error(`@sigstore/tuf ${version} ships no trusted_root.json for ${PUBLIC_GOOD_TUF}`);
  const json: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
  return fromJson(json, `Sigstore public-good trusted root bundled with @sigstore/tuf ${version} (no TUF refresh)`);
}

/** A trusted_root.json given by the user. Throws with the path on unreadable or malformed input. */
export function trustRootFromFile(path: string): LoadedTrustRoot {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read trusted root: ${(err as Error).message}`);
  }
  try {
    return fromJson(json, `trusted root from ${path}`);
  } catch (err) {
    throw new Error(`${path}: not a Sigstore trusted root: ${(err as Error).message}`);
  }
}
