import { ledgerStream } from '@billing/domain';
import type { EventStore } from '@billing/event-store';
import { withinAsOf, type AsOf } from './as-of';
import { emptyLedgerFold, foldLedgerEvent, type LedgerFold } from './ledger-fold';
import type { LedgerSnapshots } from './ledger-snapshots';

/** A replay of this many events or more leaves a snapshot where it stopped (there is none that close before it: the replay would have started there). */
export const LEDGER_SNAPSHOT_EVERY = 10_000;

/**
 * A ledger as it stood at a point: read up to that point only (a bounded replay), and from the
 * latest snapshot before it when there is one. The fold is `evolveLedger`, the write side's.
 */
export class LedgerReplays {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: LedgerSnapshots,
    private readonly snapshotEvery = LEDGER_SNAPSHOT_EVERY,
  ) {}

  async asOf(accountId: string, asOf: AsOf): Promise<LedgerFold> {
    const streamId = ledgerStream(accountId);
    const within = withinAsOf(asOf);
    const fold = (await this.fromSnapshot(streamId, asOf)) ?? emptyLedgerFold();
    const start = fold.revision;
    for await (const recorded of this.store.readStream(streamId, { fromRevision: fold.revision + 1n })) {
      if (!within(recorded)) break;
      foldLedgerEvent(fold, recorded);
    }
    if (fold.revision - start >= BigInt(this.snapshotEvery)) this.snapshots.save(streamId, fold);
    return fold;
  }

  /** The latest snapshot at or before `asOf`, once the store shows its last event where the snapshot says. */
  private async fromSnapshot(streamId: string, asOf: AsOf): Promise<LedgerFold | undefined> {
    const snapshot = this.snapshots.latest(streamId, asOf);
    if (!snapshot) return undefined;
    const { fold, eventId } = snapshot;
    for await (const recorded of this.store.readStream(streamId, { fromRevision: fold.revision, maxCount: 1 })) {
      if (recorded.id === eventId && recorded.position === fold.position) return fold;
    }
    // Another store, or a store rebuilt under the same name: nothing of this stream's snapshots holds.
    this.snapshots.drop(streamId);
    return undefined;
  }
}
