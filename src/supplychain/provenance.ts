/**
 * @module supplychain/provenance
 * Verifies a Sigstore provenance attestation offline: the bundle's signature, its Fulcio certificate
 * chain and CT proof, and its Rekor transparency-log entry, against a trusted root (see trust-root.ts);
 * then checks that the signed in-toto statement names this exact artifact (name, version, digest), and
 * reads the source repository the certificate binds the build to. An attestation that cannot be
 * verified is `invalid`, never `verified`.
 * @see https://docs.npmjs.com/generating-provenance-statements
 * @see https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md
 */
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { Verifier, toSignedEntity } from '@sigstore/verify';
import { normalizeRepository } from './repository.js';
import type { LoadedTrustRoot } from './trust-root.js';

/** Fulcio certificate extension: the source repository the build ran from. */
const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
/** Fulcio certificate extension: the OIDC issuer (v2, DER-encoded). */
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';

export type ProvenanceStatus = 'verified' | 'absent' | 'invalid' | 'not-checked';

export interface ProvenanceFacts {
  status: ProvenanceStatus;
  /** `host/owner/repo` the signing certificate names as the build's source repository. */
  repository?: string;
  /** Certificate identity (the CI workflow URI). */
  workflow?: string;
  issuer?: string;
  predicateType?: string;
  /** Why it is absent, invalid or not checked. */
  reason?: string;
}

/** The artifact an attestation must be about. `digests` are hex, keyed by algorithm (`sha512`, `sha256`). */
export interface ExpectedSubject {
  /** Acceptable subject names (npm uses a purl, PyPI the distribution file name). */
  names: readonly string[];
  digests: Readonly<Record<string, string>>;
}

function utf8Extension(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  if (!ext) return undefined;
  // Newer Fulcio extensions hold a DER UTF8String (tag 0x0c); the first legacy ones hold raw bytes.
  const raw = ext.value;
  return (raw[0] === 0x0c ? ASN1Obj.parseBuffer(Buffer.from(raw)).value : raw).toString('utf8');
}

function leafCertificate(bundle: Bundle): X509Certificate | undefined {
  const c = bundle.verificationMaterial.content;
  if (c.$case === 'certificate') return X509Certificate.parse(Buffer.from(c.certificate.rawBytes));
  if (c.$case === 'x509CertificateChain') {
    const first = c.x509CertificateChain.certificates[0];
    return first ? X509Certificate.parse(Buffer.from(first.rawBytes)) : undefined;
  }
  return undefined;
}

interface Statement {
  _type?: unknown;
  predicateType?: unknown;
  subject?: Array<{ name?: unknown; digest?: Record<string, unknown> }>;
}

/**
 * Verifies one serialized Sigstore bundle about `expected`. Never throws: a malformed or hostile
 * bundle is an `invalid` result with the reason.
 */
export function verifyBundle(serialized: unknown, expected: ExpectedSubject, trust: LoadedTrustRoot, predicateType?: string): ProvenanceFacts {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(serialized);
  } catch (err) {
    return { status: 'invalid', reason: `malformed Sigstore bundle: ${(err as Error).message}` };
  }
  let signerIdentity: { san?: string; issuer?: string };
  try {
    const signer = new Verifier(trust.material).verify(toSignedEntity(bundle));
    signerIdentity = { ...(signer.identity?.subjectAlternativeName ? { san: signer.identity.subjectAlternativeName } : {}), ...(signer.identity?.extensions?.issuer ? { issuer: signer.identity.extensions.issuer } : {}) };
  } catch (err) {
    return { status: 'invalid', reason: `signature, certificate or transparency-log check failed: ${(err as Error).message}` };
  }
  if (bundle.content.$case !== 'dsseEnvelope') return { status: 'invalid', reason: 'bundle carries a bare signature, not an in-toto attestation' };
  let statement: Statement;
  try {
    statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as Statement;
  } catch {
    return { status: 'invalid', reason: 'signed payload is not JSON' };
  }
  if (predicateType !== undefined && statement.predicateType !== predicateType) {
    return { status: 'invalid', reason: `signed predicate type ${String(statement.predicateType)} differs from the advertised ${predicateType}` };
  }
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  const match = subjects.find((s) => typeof s.name === 'string' && expected.names.includes(s.name));
  if (!match) {
    const named = subjects.map((s) => String(s.name)).slice(0, 3).join(', ');
    return { status: 'invalid', reason: `attestation is about ${named || 'no subject'}, not ${expected.names[0] ?? 'this artifact'}` };
  }
  const algos = Object.keys(expected.digests);
  const compared = algos.filter((a) => typeof match.digest?.[a] === 'string');
  if (algos.length > 0 && compared.length === 0) return { status: 'invalid', reason: `attestation subject has no ${algos.join('/')} digest to compare` };
  for (const a of compared) {
    if (String(match.digest?.[a]).toLowerCase() !== expected.digests[a]?.toLowerCase()) {
      return { status: 'invalid', reason: `attestation ${a} digest does not match the published artifact` };
    }
  }
  const facts: ProvenanceFacts = { status: 'verified', ...(typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType } : {}) };
  if (signerIdentity.san) facts.workflow = signerIdentity.san;
  try {
    const cert = leafCertificate(bundle);
    const repoUri = cert ? utf8Extension(cert, OID_SOURCE_REPOSITORY_URI) : undefined;
    const issuer = signerIdentity.issuer ?? (cert ? utf8Extension(cert, OID_ISSUER_V2) : undefined);
    const repo = normalizeRepository(repoUri ?? signerIdentity.san);
    if (repo) facts.repository = repo;
    if (issuer) facts.issuer = issuer;
  } catch {
    // The chain already verified; an unreadable optional extension only means no repository claim.
  }
  return facts;
}

/** npm's package URL for a name and version (`pkg:npm/%40scope/name@1.0.0`). */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
}

/** Hex digests from an SRI string (`sha512-<base64>`). */
export function sriToHex(integrity: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (integrity ?? '').split(/\s+/)) {
    const m = /^(sha256|sha384|sha512)-([A-Za-z0-9+/=]{20,200})$/.exec(part);
    if (m && m[1] && m[2]) out[m[1]] = Buffer.from(m[2], 'base64').toString('hex');
  }
  return out;
}

const SLSA_PREFIX = 'https://slsa.dev/provenance/';

/**
 * Verifies the SLSA provenance in an npm attestations response
 * (`GET /-/npm/v1/attestations/<name>@<version>`: `{ attestations: [{ predicateType, bundle }] }`).
 */
export function verifyNpmAttestations(response: unknown, name: string, version: string, integrity: string | undefined, trust: LoadedTrustRoot): ProvenanceFacts {
  const list = (response as { attestations?: unknown } | null)?.attestations;
  if (!Array.isArray(list)) return { status: 'invalid', reason: 'attestations response has no attestations list' };
  const slsa = list.find((a): a is { predicateType: string; bundle: unknown } => typeof (a as { predicateType?: unknown })?.predicateType === 'string' && (a as { predicateType: string }).predicateType.startsWith(SLSA_PREFIX));
  if (!slsa) return { status: 'absent', reason: 'the registry holds attestations for this version, but no SLSA build provenance' };
  return verifyBundle(slsa.bundle, { names: [npmPurl(name, version)], digests: sriToHex(integrity) }, trust, slsa.predicateType);
}
