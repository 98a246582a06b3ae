import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Conflict } from '@billing/domain';
import { EVENT_STORE, headsMerkleRoot, signHeadsDigest, walkChains, type EventStore, type HeadsDigest } from '@billing/event-store';
import { LedgerSigningKey } from '../ledger-signing-key';
import { MakeDigestQuery } from './make-digest.query';

/** Walks every chain up to the store's last position; a digest is signed only over unbroken chains. */
@QueryHandler(MakeDigestQuery)
export class MakeDigestHandler implements IQueryHandler<MakeDigestQuery, HeadsDigest> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: LedgerSigningKey,
  ) {}

  async execute(): Promise<HeadsDigest> {
    const walk = await walkChains(this.store);
    const broken = walk.report.firstBreak;
    if (broken) {
      throw new Conflict(
        'chain-broken',
        `the hash chain of ${broken.streamId} is broken at revision ${broken.revision} (${broken.reason}); a digest is signed only over unbroken chains (GET /api/audit/verify)`,
      );
    }
    const heads = walk.heads();
    return signHeadsDigest(
      { position: walk.report.position.toString(), streams: heads.length, merkleRoot: headsMerkleRoot(heads), madeAt: new Date().toISOString() },
      this.signingKey.key.privateKey,
    );
  }
}
