import { ledgerStream } from '@billing/domain';
import type { EventStore } from '@billing/event-store';
import { MAX_AS_OF_POSITION, withinAsOf, type AsOf } from './as-of';
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

  /**
   * Snapshots the ledger at every `snapshotEvery`-th revision from its latest snapshot to its
   * head, so that a query at any point replays at most about that many events (and the kept
   * snapshots stay spread, `LedgerSnapshots.save`). For the background sweep, not a request: a
   * ledger never snapshotted is read whole once. Answers how many snapshots it left.
   */
  async snapshotAhead(accountId: string): Promise<number> {
    const streamId = ledgerStream(accountId);
    const fold = (await this.fromSnapshot(streamId, { kind: 'position', position: MAX_AS_OF_POSITION })) ?? emptyLedgerFold();
    const every = BigInt(this.snapshotEvery);
    let saved = 0;
    for await (const recorded of this.store.readStream(streamId, { fromRevision: fold.revision + 1n })) {
      foldLedgerEvent(fold, recorded);
      if ((fold.revision + 1n) % every === 0n) {
        this.snapshots.save(streamId, fold);
        saved += 1;
      }
    }
    return saved;
  }

  /** How many events the ledger holds beyond its latest snapshot (its head revision from the store). */
  async eventsSinceSnapshot(accountId: string): Promise<bigint> {
    const streamId = ledgerStream(accountId);
    let head = -1n;
    for await (const recorded of this.store.readStream(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) head = recorded.revision;
    const snapshotted = this.snapshots.revisionsOf(streamId).at(-1) ?? -1n;
    return head - snapshotted;
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
