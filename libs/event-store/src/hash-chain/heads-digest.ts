import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const HEADS_DIGEST_FORMAT = 'ledger-heads-digest/1';

/**
 * A signed statement of every stream's head at a global position (docs/tamper-evidence.md),
 * exactly as it is sent as JSON. `signature` is Ed25519 over the UTF-8 of the canonical JSON of
 * every other field, base64.
 */
export interface HeadsDigest {
  format: typeof HEADS_DIGEST_FORMAT;
  /** The global position the digest covers, up to and including (a decimal string). */
  position: string;
  /** How many streams had events up to `position`: the tree's leaves. */
  streams: number;
  /** RFC 6962 root over the stream heads (merkle.ts), hex. */
  merkleRoot: string;
  /** When it was made (ISO 8601 UTC). */
  madeAt: string;
  algorithm: 'Ed25519';
  /** hex(SHA-256(the public key's DER SubjectPublicKeyInfo)). */
  keyId: string;
  /** The public key as SPKI PEM. */
  publicKey: string;
  signature: string;
}

export type HeadsDigestContent = Pick<HeadsDigest, 'position' | 'streams' | 'merkleRoot' | 'madeAt'>;

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

const signedBytes = (digest: Omit<HeadsDigest, 'signature'>) => Buffer.from(canonicalJson(digest), 'utf8');

/** Signs the content with an Ed25519 private key. */
export function signHeadsDigest(content: HeadsDigestContent, privateKey: KeyObject): HeadsDigest {
  const publicKey = createPublicKey(privateKey);
  const unsigned: Omit<HeadsDigest, 'signature'> = {
    format: HEADS_DIGEST_FORMAT,
    position: content.position,
    streams: content.streams,
    merkleRoot: content.merkleRoot,
    madeAt: content.madeAt,
    algorithm: 'Ed25519',
    keyId: keyIdOf(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), privateKey).toString('base64') };
}

/**
 * Whether the signature is the digest's public key's over the other fields, and `keyId` names that
 * key. It says nothing of whether that key is one to trust: compare `keyId` with the ledger's.
 */
export function headsDigestSignatureValid(digest: HeadsDigest): boolean {
  const { signature, ...unsigned } = digest;
  try {
    const publicKey = createPublicKey(digest.publicKey);
    if (publicKey.asymmetricKeyType !== 'ed25519' || keyIdOf(publicKey) !== digest.keyId) return false;
    return verify(null, signedBytes(unsigned), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
