import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { headsDigestSignatureValid, keyIdOf, signHeadsDigest, type HeadsDigest } from './heads-digest';

describe('signed digest of stream heads', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const content = { position: '1234', streams: 56, merkleRoot: 'ab'.repeat(32), madeAt: '2026-11-30T23:59:59.000Z' };

  it('signs the canonical JSON of every other field with Ed25519, and names its key', () => {
    // when
    const digest = signHeadsDigest(content, privateKey);
    // then
    const { signature, ...unsigned } = digest;
    expect(unsigned).toEqual({
      format: 'ledger-heads-digest/1',
      ...content,
      algorithm: 'Ed25519',
      keyId: keyIdOf(createPublicKey(privateKey)),
      publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    expect(verify(null, Buffer.from(canonicalJson(unsigned)), createPublicKey(digest.publicKey), Buffer.from(signature, 'base64'))).toBe(true);
    expect(headsDigestSignatureValid(digest)).toBe(true);
  });

  it.each<[string, Partial<HeadsDigest>]>([
    ['the position', { position: '1235' }],
    ['the stream count', { streams: 57 }],
    ['the root', { merkleRoot: 'cd'.repeat(32) }],
    ['the time', { madeAt: '2026-12-01T00:00:00.000Z' }],
  ])('is invalid once %s is changed', (_what, change) => {
    expect(headsDigestSignatureValid({ ...signHeadsDigest(content, privateKey), ...change })).toBe(false);
  });

  it('is invalid under another key, or with a key id that is not its key’s, and never throws on garbage', () => {
    const digest = signHeadsDigest(content, privateKey);
    const other = signHeadsDigest(content, generateKeyPairSync('ed25519').privateKey);
    expect(headsDigestSignatureValid({ ...digest, publicKey: other.publicKey })).toBe(false);
    expect(headsDigestSignatureValid({ ...other, keyId: digest.keyId })).toBe(false);
    expect(headsDigestSignatureValid({ ...digest, publicKey: 'not a key' })).toBe(false);
    expect(headsDigestSignatureValid({ ...digest, signature: '!!' })).toBe(false);
  });
});
