import { createHash } from 'node:crypto';
import type { StreamHead } from './chain-verifier';
import { canonicalJson } from './canonical-json';

/*
 * The Merkle tree of stream heads, as RFC 6962 §2.1 (Certificate Transparency) defines it:
 *
 *   leaf  = SHA-256(0x00 || canonicalJson({ hash, revision, streamId }))   revision as a decimal string
 *   node  = SHA-256(0x01 || left || right)                                  32-byte digests, not hex
 *   root of no leaves = SHA-256("")
 *
 * over the heads sorted by the UTF-8 bytes of their stream id. A tree of n > 1 leaves splits at
 * the largest power of two below n; pairing level by level and carrying an odd last node up
 * unchanged builds the same tree. The 0x00/0x01 prefixes keep a leaf from passing for a node.
 */

const sha256 = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function headLeafHash(head: StreamHead): Buffer {
  return sha256(LEAF, Buffer.from(canonicalJson({ hash: head.hash, revision: head.revision.toString(), streamId: head.streamId }), 'utf8'));
}

/** The RFC 6962 root (hex) over leaf hashes in their order. */
export function merkleRoot(leafHashes: Buffer[]): string {
  if (leafHashes.length === 0) return sha256().toString('hex');
  let level = leafHashes;
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(sha256(NODE, level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0].toString('hex');
}

/** The root over stream heads, sorted here by the UTF-8 bytes of their stream id. */
export function headsMerkleRoot(heads: StreamHead[]): string {
  const sorted = heads.map((head) => ({ head, key: Buffer.from(head.streamId, 'utf8') })).sort((a, b) => Buffer.compare(a.key, b.key));
  return merkleRoot(sorted.map(({ head }) => headLeafHash(head)));
}
