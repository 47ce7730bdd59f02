import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmPurl, sriToHex, verifyNpmAttestations } from '../../src/supplychain/provenance.js';
import { bundledTrustRoot, trustRootFromFile } from '../../src/supplychain/trust-root.js';
import { FIXTURE_ROOT, fixtureKey } from '../helpers/registry-fixtures.js';

const NAME = '@modelcontextprotocol/server-everything';
const VERSION = '2026.8.31';
const escaped = `@${encodeURIComponent(NAME.slice(1))}`;
const load = (path: string) => (JSON.parse(readFileSync(join(FIXTURE_ROOT, 'npm', `${fixtureKey('GET', path)}.json`), 'utf8')) as { body: unknown }).body;
const attestations = load(`/-/npm/v1/attestations/${escaped}@${VERSION}`) as { attestations: Array<{ predicateType: string; bundle: { dsseEnvelope: { payload: string } } }> };
const packument = load(`/${escaped}`) as { versions: Record<string, { dist: { integrity: string } }> };
const integrity = packument.versions[VERSION]?.dist.integrity;
const testRoot = trustRootFromFile(join(FIXTURE_ROOT, 'sigstore', 'trusted_root.json'));

describe('verifyNpmAttestations', () => {
  it('verifies a bundle signed by the trusted root and reads the source repository from the certificate', () => {
    const r = verifyNpmAttestations(attestations, NAME, VERSION, integrity, testRoot);
    expect(r).toMatchObject({
      status: 'verified',
      repository: 'github.com/modelcontextprotocol/servers',
      issuer: 'https://token.actions.githubusercontent.com',
      predicateType: 'https://slsa.dev/provenance/v1',
    });
    expect(r.workflow).toMatch(/^https:\/\/github\.com\/modelcontextprotocol\/servers\/\.github\/workflows\//);
  });

  it('rejects the same bundle against the public-good root: a test signature is not a real one', () => {
    expect(verifyNpmAttestations(attestations, NAME, VERSION, integrity, bundledTrustRoot())).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/certificate chain/) });
  });

  it('rejects an attestation about another version', () => {
    expect(verifyNpmAttestations(attestations, NAME, '2026.8.18', integrity, testRoot)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/not pkg:npm\/%40modelcontextprotocol\/server-everything@2026\.8\.18/) });
  });

  it('rejects an attestation whose digest differs from the published tarball', () => {
    const other = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;
    expect(verifyNpmAttestations(attestations, NAME, VERSION, other, testRoot)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/digest does not match/) });
  });

  it('rejects a tampered payload (signature no longer matches)', () => {
    const tampered = structuredClone(attestations);
    const a = tampered.attestations[0];
    if (!a) throw new Error('fixture has no attestation');
    const statement = JSON.parse(Buffer.from(a.bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as { predicate: { buildDefinition: { externalParameters: { workflow: { repository: string } } } } };
    statement.predicate.buildDefinition.externalParameters.workflow.repository = 'https://github.com/attacker/servers';
    a.bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(verifyNpmAttestations(tampered, NAME, VERSION, integrity, testRoot).status).toBe('invalid');
  });

  it('reports malformed bundles and missing SLSA provenance without throwing', () => {
    expect(verifyNpmAttestations({ attestations: [{ predicateType: 'https://slsa.dev/provenance/v1', bundle: { mediaType: 'nope' } }] }, NAME, VERSION, integrity, testRoot)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/malformed/) });
    expect(verifyNpmAttestations({ attestations: [{ predicateType: 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1', bundle: {} }] }, NAME, VERSION, integrity, testRoot).status).toBe('absent');
    expect(verifyNpmAttestations('garbage', NAME, VERSION, integrity, testRoot).status).toBe('invalid');
  });
});

describe('helpers', () => {
  it('npm purls escape the scope', () => {
    expect(npmPurl('@s/p', '1.0.0')).toBe('pkg:npm/%40s/p@1.0.0');
    expect(npmPurl('p', '1.0.0')).toBe('pkg:npm/p@1.0.0');
  });
  it('SRI strings become hex digests', () => {
    expect(sriToHex('sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({ sha512: '0'.repeat(42) });
    expect(sriToHex(undefined)).toEqual({});
  });
  it('the bundled public-good trusted root loads without the network', () => {
    expect(bundledTrustRoot().source).toMatch(/@sigstore\/tuf \d+\.\d+\.\d+/);
  });
  it('a bad --trusted-root names the file', () => {
    expect(() => trustRootFromFile('/nonexistent/root.json')).toThrow(/\/nonexistent\/root\.json/);
  });
});
