import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, headsDigestSignatureValid, headsMerkleRoot, walkChains, type EventStore } from '@billing/event-store';
import { LedgerSigningKey } from '../ledger-signing-key';
import { chainReportAnswer, type DigestCheckAnswer } from '../tamper-evidence-answers';
import { VerifyDigestQuery } from './verify-digest.query';

/**
 * Recomputes the stream heads at the digest's position from the store (walking every chain up to
 * there) and compares their root and count with the digest's: an event changed, deleted or added
 * up to that position changes a head or breaks a chain. Events after it do not matter.
 */
@QueryHandler(VerifyDigestQuery)
export class VerifyDigestHandler implements IQueryHandler<VerifyDigestQuery, DigestCheckAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: LedgerSigningKey,
  ) {}

  async execute({ digest }: VerifyDigestQuery): Promise<DigestCheckAnswer> {
    const signatureValid = headsDigestSignatureValid(digest);
    const position = BigInt(digest.position);
    const storeHead = await this.store.headPosition();
    const walk = await walkChains(this.store, { toPosition: position });
    const heads = walk.heads();
    const merkleRoot = headsMerkleRoot(heads);
    const storeMatches = storeHead >= position && walk.report.ok && heads.length === digest.streams && merkleRoot === digest.merkleRoot;
    return {
      valid: signatureValid && storeMatches,
      signatureValid,
      signedByThisLedger: signatureValid && digest.keyId === this.signingKey.key.keyId,
      storeMatches,
      recomputed: { streams: heads.length, merkleRoot, storeHeadPosition: storeHead.toString() },
      chain: chainReportAnswer(walk.report),
    };
  }
}
