/**
 * Generates the Sigstore provenance fixtures the tests and the README demo verify.
 *
 *   npx tsx scripts/make-provenance-fixtures.ts
 *
 * Why generated: the npm registry reachable from our build machines serves packuments but not the
 * attestations endpoint, and real attestation bundles from elsewhere may not be committed. So this
 * script stands up a local test Sigstore with @sigstore/mock (Sigstore's own test doubles: a Fulcio-like
 * CA with a CT log, and a Rekor-like transparency log), signs a SLSA v1 provenance statement for the
 * recorded @modelcontextprotocol/server-everything version (its real name, version and sha512 from the
 * recorded packument, its real repository), and writes:
 *
 *   test/fixtures/registry/sigstore/trusted_root.json  the test Sigstore's trusted root
 *   test/fixtures/registry/npm/<attestations key>.json  the attestations response for that version
 *   dist.attestations added to that version in the recorded packument (marked in `trimmed`)
 *   test/fixtures/registry/pypi/<integrity key>.json  a PEP 740 trusted-publishing attestation for the
 *     wheel listed in the hand-written mcp-server-fetch PyPI fixture (its filename and sha256)
 *
 * These bundles verify ONLY against the test trusted root (`--trusted-root`), never against the real
 * public-good root: that is the point of the negative test that uses the bundled root.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';
import { FIXTURE_ROOT, fixtureKey, type RegistryFixture } from '../test/helpers/registry-fixtures.js';

const PKG = '@modelcontextprotocol/server-everything';
const REPO = 'https://github.com/modelcontextprotocol/servers';
const WORKFLOW = `${REPO}/.github/workflows/release.yml@refs/heads/main`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const escaped = `@${encodeURIComponent(PKG.slice(1))}`;

const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const b64 = (b: Buffer | ArrayBufferView | string) => (typeof b === 'string' ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('base64');

function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload]);
}

const packumentFile = join(FIXTURE_ROOT, 'npm', `${fixtureKey('GET', `/${escaped}`)}.json`);
const packFx = JSON.parse(readFileSync(packumentFile, 'utf8')) as RegistryFixture & { body: { 'dist-tags': { latest: string }; versions: Record<string, { dist: Record<string, unknown> }> } };
const version = packFx.body['dist-tags'].latest;
const integrity = String(packFx.body.versions[version]?.dist['integrity']);
const sha512 = Buffer.from(integrity.replace(/^sha512-/, ''), 'base64').toString('hex');

const now = new Date();
const ctLog = await initializeCTLog(ec(), now);
const ca = await initializeCA(ec(), ctLog, now);
const tlogKeys = ec();
const tlog = await initializeTLog('https://rekor.sigstore.dev', tlogKeys, now);

async function attest(statement: object): Promise<object> {
  const signer = ec();
  const cert = await ca.issueCertificate({
    publicKey: signer.publicKey.export({ format: 'der', type: 'spki' }),
    subjectAltName: WORKFLOW,
    extensions: [
      { oid: '1.3.6.1.4.1.57264.1.1', value: ISSUER, legacy: true },
      { oid: '1.3.6.1.4.1.57264.1.8', value: ISSUER },
      { oid: '1.3.6.1.4.1.57264.1.12', value: REPO },
    ],
  });
  const payload = Buffer.from(JSON.stringify(statement));
  const payloadType = 'application/vnd.in-toto+json';
  const sig = sign('sha256', pae(payloadType, payload), signer.privateKey);
  const certPem = `-----BEGIN CERTIFICATE-----\n${b64(cert).replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  const envelope = { payload: b64(payload), payloadType, signatures: [{ sig: b64(sig), keyid: '' }] };
  const { createHash } = await import('node:crypto');
  const proposed = {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(canonicalize(envelope) ?? '').digest('hex') },
      payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(new Uint8Array(payload)).digest('hex') },
      signatures: [{ signature: b64(sig), verifier: b64(certPem) }],
    },
  };
  const entry = Object.values(await tlog.log(proposed))[0] as {
    body: string; integratedTime: number; logID: string; logIndex: number;
    verification: { signedEntryTimestamp: string; inclusionProof: { logIndex: number; treeSize: number; rootHash: string; hashes: string[]; checkpoint: string } };
  };
  const proof = entry.verification.inclusionProof;
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: b64(cert) },
      tlogEntries: [{
        logIndex: String(entry.logIndex),
        logId: { keyId: b64(Buffer.from(entry.logID, 'hex')) },
        kindVersion: { kind: 'dsse', version: '0.0.1' },
        integratedTime: String(entry.integratedTime),
        inclusionPromise: { signedEntryTimestamp: entry.verification.signedEntryTimestamp },
        inclusionProof: { logIndex: String(proof.logIndex), rootHash: b64(Buffer.from(proof.rootHash, 'hex')), treeSize: String(proof.treeSize), hashes: proof.hashes, checkpoint: { envelope: proof.checkpoint } },
        canonicalizedBody: entry.body,
      }],
    },
    dsseEnvelope: envelope,
  };
}

const purl = `pkg:npm/${PKG.replace(/^@/, '%40')}@${version}`;
const predicateType = 'https://slsa.dev/provenance/v1';
const statement = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: purl, digest: { sha512 } }],
  predicateType,
  predicate: {
    buildDefinition: {
      buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
      externalParameters: { workflow: { ref: 'refs/heads/main', repository: REPO, path: '.github/workflows/release.yml' } },
    },
    runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
  },
};
const bundle = await attest(statement);

const trustedRoot = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [{
    baseUrl: 'https://rekor.sigstore.dev',
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(tlogKeys.publicKey.export({ format: 'der', type: 'spki' })), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: '2020-01-01T00:00:00Z' } },
    logId: { keyId: b64((await import('node:crypto')).createHash('sha256').update(new Uint8Array(tlogKeys.publicKey.export({ format: 'der', type: 'spki' }))).digest()) },
  }],
  certificateAuthorities: [{
    subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
    uri: 'https://fulcio.sigstore.dev',
    certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
    validFor: { start: '2020-01-01T00:00:00Z' },
  }],
  ctlogs: [{
    baseUrl: 'https://ctfe.sigstore.dev/test',
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(ctLog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: '2020-01-01T00:00:00Z' } },
    logId: { keyId: b64(ctLog.logID) },
  }],
  timestampAuthorities: [],
};

mkdirSync(join(FIXTURE_ROOT, 'sigstore'), { recursive: true });
writeFileSync(join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json'), `${JSON.stringify(trustedRoot, null, 1)}\n`);
const attPath = `/-/npm/v1/attestations/${escaped}@${version}`;
const attFx: RegistryFixture = {
  origin: `generated on ${now.toISOString().slice(0, 10)} by scripts/make-provenance-fixtures.ts: signed by a local test Sigstore (@sigstore/mock), verifies only with test/fixtures/registry/sigstore/trusted_root.json`,
  status: 200,
  body: { attestations: [{ predicateType, bundle }] },
};
writeFileSync(join(FIXTURE_ROOT, 'npm', `${fixtureKey('GET', attPath)}.json`), `${JSON.stringify(attFx, null, 1)}\n`);
const dist = packFx.body.versions[version]?.dist;
if (dist) dist['attestations'] = { url: `https://registry.npmjs.org${attPath}`, provenance: { predicateType } };
packFx.trimmed = `${(packFx.trimmed ?? '').replace(/; dist\.attestations of .*$/, '')}; dist.attestations of ${version} added by scripts/make-provenance-fixtures.ts (the recorded response had none)`;
writeFileSync(packumentFile, `${JSON.stringify(packFx, null, 1)}\n`);

// PyPI: a PEP 740 attestation over the wheel the hand-written project fixture lists.
const pypiFile = join(FIXTURE_ROOT, 'pypi', `${fixtureKey('GET', '/pypi/mcp-server-fetch/json')}.json`);
const pypi = JSON.parse(readFileSync(pypiFile, 'utf8')) as { body: { info: { version: string }; releases: Record<string, Array<{ filename: string; packagetype: string; digests: { sha256: string } }>> } };
const pyVersion = pypi.body.info.version;
const wheel = pypi.body.releases[pyVersion]?.find((f) => f.packagetype === 'bdist_wheel');
if (!wheel) throw new Error('the PyPI fixture lists no wheel');
const pyBundle = (await attest({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: wheel.filename, digest: { sha256: wheel.digests.sha256 } }], predicateType: 'https://docs.pypi.org/attestations/publish/v1', predicate: null })) as {
  verificationMaterial: { certificate: { rawBytes: string }; tlogEntries: unknown[] };
  dsseEnvelope: { payload: string; signatures: Array<{ sig: string }> };
};
const integrityPath = `/integrity/mcp-server-fetch/${pyVersion}/${wheel.filename}/provenance`;
const pyFx: RegistryFixture = {
  origin: `generated on ${now.toISOString().slice(0, 10)} by scripts/make-provenance-fixtures.ts in the PEP 740 integrity API format (https://docs.pypi.org/api/integrity/): signed by the local test Sigstore, not recorded from PyPI`,
  status: 200,
  body: {
    version: 1,
    attestation_bundles: [{
      publisher: { kind: 'GitHub', repository: 'modelcontextprotocol/servers', workflow: 'release.yml', environment: null },
      attestations: [{
        version: 1,
        verification_material: { certificate: pyBundle.verificationMaterial.certificate.rawBytes, transparency_entries: pyBundle.verificationMaterial.tlogEntries },
        envelope: { statement: pyBundle.dsseEnvelope.payload, signature: pyBundle.dsseEnvelope.signatures[0]?.sig },
      }],
    }],
  },
};
writeFileSync(join(FIXTURE_ROOT, 'pypi', `${fixtureKey('GET', integrityPath)}.json`), `${JSON.stringify(pyFx, null, 1)}\n`);
process.stdout.write(`provenance fixtures for ${PKG}@${version} and mcp-server-fetch ${pyVersion} written\n`);
