import {
  HEADS_DIGEST_FORMAT,
  headsDigestSignatureValid,
  headsMerkleRoot,
  walkChains,
  type ChainReport,
  type ChainWalkProgress,
  type EventStore,
  type HeadsDigest,
} from '@billing/event-store';

/** A kept digest checked against the store, as `POST /api/audit/digest/verify` checks it. */
export interface DigestCheck {
  signatureValid: boolean;
  /** The store reaches the digest's position, every chain up to there is unbroken, and the heads' count and root are the digest's. */
  storeMatches: boolean;
  recomputed: { streams: number; merkleRoot: string };
  /** Why the store does not match, for a person. */
  mismatch?: string;
}

export interface LedgerVerification {
  chains: ChainReport;
  storeHeadPosition: bigint;
  digest?: DigestCheck;
}

export interface VerifyOptions {
  digest?: HeadsDigest;
  /** Called every few thousand events of each walk (the chains, then the digest's, if it needs one of its own). */
  onProgress?: (walk: 'chains' | 'digest', progress: ChainWalkProgress) => void;
}

/**
 * Walks every stream's hash chain up to the store's head (`walkChains`, the walk of `GET
 * /api/audit/verify`) and, given a digest, recomputes the stream heads at its position and
 * compares them with it (as `POST /api/audit/digest/verify`). A digest at the head is checked
 * from the same walk; one at an earlier position takes a second walk up to there.
 */
export async function verifyLedger(store: EventStore, options: VerifyOptions = {}): Promise<LedgerVerification> {
  const storeHeadPosition = await store.headPosition();
  const walk = await walkChains(store, { toPosition: storeHeadPosition, progressEvery: 5000, onProgress: (p) => options.onProgress?.('chains', p) });
  if (!options.digest) return { chains: walk.report, storeHeadPosition };

  const digest = options.digest;
  const position = BigInt(digest.position);
  const atDigest =
    position === storeHeadPosition
      ? walk
      : await walkChains(store, { toPosition: position, progressEvery: 5000, onProgress: (p) => options.onProgress?.('digest', p) });
  const heads = atDigest.heads();
  const merkleRoot = headsMerkleRoot(heads);
  let mismatch: string | undefined;
  if (storeHeadPosition < position) mismatch = `the store ends at position ${storeHeadPosition}, before the digest's position ${position}: events were removed`;
  else if (!atDigest.report.ok) mismatch = `a hash chain is broken before the digest's position`;
  else if (heads.length !== digest.streams) mismatch = `${heads.length} streams at position ${position}, the digest says ${digest.streams}`;
  else if (merkleRoot !== digest.merkleRoot)
    mismatch = `the root of the stream heads at position ${position} is ${merkleRoot}, the digest's is ${digest.merkleRoot}`;
  return {
    chains: walk.report,
    storeHeadPosition,
    digest: {
      signatureValid: headsDigestSignatureValid(digest),
      storeMatches: mismatch === undefined,
      recomputed: { streams: heads.length, merkleRoot },
      ...(mismatch ? { mismatch } : {}),
    },
  };
}

/** A digest as `GET /api/audit/digest` answers it, or the reason a parsed JSON value is not one. */
export function parseHeadsDigest(value: unknown): HeadsDigest | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const d = value as Record<string, unknown>;
  if (d.format !== HEADS_DIGEST_FORMAT) return `format is not ${HEADS_DIGEST_FORMAT}`;
  if (typeof d.position !== 'string' || !/^\d{1,20}$/.test(d.position)) return 'position is not a decimal string';
  if (typeof d.streams !== 'number' || !Number.isInteger(d.streams) || d.streams < 0) return 'streams is not a whole number';
  for (const field of ['merkleRoot', 'madeAt', 'algorithm', 'keyId', 'publicKey', 'signature'])
    if (typeof d[field] !== 'string') return `${field} is missing or not a string`;
  return d as unknown as HeadsDigest;
}
