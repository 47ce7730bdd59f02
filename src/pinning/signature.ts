/**
 * @module pinning/signature
 * Ed25519 signatures over a lockfile, with node:crypto (OpenSSL).
 *
 * Signed bytes, exactly: the UTF-8 encoding of
 *   "mcp-warden-lockfile-signature-v1\n" + JCS(lockfile without its "signature" member)
 * where JCS is RFC 8785 canonical JSON. The prefix separates this use of a key from any other
 * (a signature over a lockfile can never be replayed as a signature over something else); the
 * canonical form makes the signature independent of whitespace and key order, and sensitive to
 * every value, including the history.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { WardenError, WardenErrorCode, type Lockfile, type LockfileSignature } from '../model/index.js';
import { canonicalText } from './canonical.js';

export const SIGNATURE_CONTEXT = 'mcp-warden-lockfile-signature-v1\n';

/** The exact bytes an ed25519 signature of this lockfile covers. */
export function signedBytes(lock: Lockfile): Buffer {
  const { signature: _signature, ...unsigned } = lock;
  return Buffer.from(SIGNATURE_CONTEXT + canonicalText(unsigned).text, 'utf8');
}

/** Raw 32-byte ed25519 public key (the last 32 bytes of its SPKI DER encoding). */
function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** `ed25519:` + 32 hex digits of SHA-256 over the raw public key; short enough to read aloud. */
export function keyId(publicKey: KeyObject): string {
  return `ed25519:${createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 32)}`;
}

/** A fresh key pair, PEM encoded (PKCS#8 private, SPKI public). */
export function generateSigningKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}

/** Reads an ed25519 private key from PEM text; `source` names the file in errors. */
export function loadPrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    const isPublic = /BEGIN PUBLIC KEY/.test(pem);
    throw new WardenError(WardenErrorCode.InvalidInput, `${source}: ${isPublic ? 'this is a public key; signing needs the private key' : 'not a PEM private key'}`, {
      hint: 'create a signing key with `mcp-warden keygen`',
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new WardenError(WardenErrorCode.InvalidInput, `${source}: a ${key.asymmetricKeyType ?? 'unknown'} key; lockfiles are signed with ed25519 keys`, {
      hint: 'create a signing key with `mcp-warden keygen`',
    });
  }
  return key;
}

/** Reads an ed25519 public key from PEM text (a private key file is refused: it must not be shared). */
export function loadPublicKey(pem: string, source: string): KeyObject {
  if (/BEGIN [A-Z ]*PRIVATE KEY/.test(pem)) {
    throw new WardenError(WardenErrorCode.InvalidInput, `${source}: this is a private key; verification needs the public key (the .pub file)`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new WardenError(WardenErrorCode.InvalidInput, `${source}: not a PEM public key`, { hint: 'pass the .pub file written by `mcp-warden keygen`' });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new WardenError(WardenErrorCode.InvalidInput, `${source}: a ${key.asymmetricKeyType ?? 'unknown'} key; lockfiles are signed with ed25519 keys`);
  }
  return key;
}

/** Returns the lockfile with a fresh signature block (any previous one is replaced). */
export function signLockfile(lock: Lockfile, privateKey: KeyObject): Lockfile {
  const publicKey = createPublicKey(privateKey);
  const { signature: _old, ...unsigned } = lock;
  const value = sign(null, signedBytes(unsigned), privateKey).toString('base64');
  const signature: LockfileSignature = {
    algorithm: 'ed25519',
    keyId: keyId(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    value,
  };
  return { ...unsigned, signature };
}

export type SignatureStatus =
  | { status: 'valid'; keyId: string; trusted: boolean }
  | { status: 'missing' }
  | { status: 'modified'; keyId: string }
  | { status: 'other-key'; keyId: string; expected: string[] }
  | { status: 'malformed'; reason: string };

function embeddedKey(sig: LockfileSignature): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: Buffer.from(sig.publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a lockfile's signature. With trusted keys, only a signature by one of them is `valid` and
 * `trusted`; a signature by any other key is `other-key` even if it verifies (anyone can re-sign).
 * Without trusted keys, the embedded public key is used: that detects edits after signing, not who
 * signed (`trusted: false`).
 */
export function checkSignature(lock: Lockfile, trusted: readonly KeyObject[]): SignatureStatus {
  const sig = lock.signature;
  if (sig === undefined) return { status: 'missing' };
  const embedded = embeddedKey(sig);
  if (embedded === undefined) return { status: 'malformed', reason: 'the embedded public key is not an ed25519 key' };
  if (keyId(embedded) !== sig.keyId) return { status: 'malformed', reason: `keyId ${sig.keyId} does not belong to the embedded public key` };
  const value = Buffer.from(sig.value, 'base64');
  if (value.length !== 64) return { status: 'malformed', reason: 'the signature value is not 64 bytes of base64' };
  const bytes = signedBytes(lock);
  if (trusted.length > 0) {
    const match = trusted.find((k) => keyId(k) === sig.keyId);
    if (match === undefined) return { status: 'other-key', keyId: sig.keyId, expected: trusted.map(keyId) };
    return verify(null, bytes, match, value) ? { status: 'valid', keyId: sig.keyId, trusted: true } : { status: 'modified', keyId: sig.keyId };
  }
  return verify(null, bytes, embedded, value) ? { status: 'valid', keyId: sig.keyId, trusted: false } : { status: 'modified', keyId: sig.keyId };
}
