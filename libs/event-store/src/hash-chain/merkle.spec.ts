import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { headLeafHash, headsMerkleRoot, merkleRoot } from './merkle';

const sha256 = (...parts: Buffer[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const leaf = (text: string) => sha256(Buffer.from([0]), Buffer.from(text, 'utf8'));
const node = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);

/** RFC 6962 §2.1, written as the RFC writes it: split at the largest power of two below n. */
function rfc6962(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(rfc6962(leaves.slice(0, k)), rfc6962(leaves.slice(k)));
}

describe('Merkle tree of stream heads', () => {
  it('hashes a head as a leaf: 0x00 and the canonical JSON of hash, revision (decimal) and stream id', () => {
    const head = { streamId: 'ledger-a', revision: 12n, hash: 'ab'.repeat(32) };
    expect(headLeafHash(head)).toEqual(leaf(`{"hash":"${'ab'.repeat(32)}","revision":"12","streamId":"ledger-a"}`));
  });

  it('the root of no leaves is SHA-256 of nothing; of one leaf, the leaf', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([leaf('x')])).toBe(leaf('x').toString('hex'));
  });

  it('the root of three leaves pairs the first two and carries the third up (worked by hand)', () => {
    const [a, b, c] = [leaf('a'), leaf('b'), leaf('c')];
    expect(merkleRoot([a, b, c])).toBe(node(node(a, b), c).toString('hex'));
  });

  it('property: the same root as RFC 6962’s recursive definition, for 1 to 70 leaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), (n) => {
        const leaves = Array.from({ length: n }, (_, i) => leaf(String(i)));
        const ours = merkleRoot(leaves);
        const rfc = rfc6962(leaves).toString('hex');
        if (ours !== rfc) throw new Error(`${n} leaves: ${ours} != ${rfc}`);
      }),
    );
  });

  it('sorts heads by stream id first, so their order does not matter, and any change of a head changes the root', () => {
    const heads = [
      { streamId: 'b', revision: 0n, hash: '1'.repeat(64) },
      { streamId: 'a', revision: 4n, hash: '2'.repeat(64) },
      { streamId: 'c', revision: 1n, hash: '3'.repeat(64) },
    ];
    const root = headsMerkleRoot(heads);
    expect(headsMerkleRoot([...heads].reverse())).toBe(root);
    expect(root).toBe(merkleRoot([heads[1], heads[0], heads[2]].map(headLeafHash)));
    expect(headsMerkleRoot([heads[0], heads[1], { ...heads[2], revision: 2n }])).not.toBe(root);
    expect(headsMerkleRoot([heads[0], heads[1], { ...heads[2], hash: '4'.repeat(64) }])).not.toBe(root);
    expect(headsMerkleRoot([heads[0], heads[1]])).not.toBe(root);
  });
});
