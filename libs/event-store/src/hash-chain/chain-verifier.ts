import type { RecordedEvent } from '../event-store.port';
import { eventHash, GENESIS_HASH, storedHash } from './hash-chain';

/** Why a stream's chain is broken at an event. */
export type ChainBreakReason =
  /** The event's stored hash is not the hash of its content and its predecessor's hash: changed, swapped, or moved. */
  | 'hash-mismatch'
  /** The stream skips revisions: events were deleted (or renumbered). */
  | 'missing-revision'
  /** A revision at or before one already seen in the stream: events were reordered or duplicated. */
  | 'revision-out-of-order'
  /** An event without a hash after a chained one: its hash was removed. */
  | 'unchained-after-chained';

export interface ChainBreak {
  streamId: string;
  /** The first revision of the stream that does not verify (for missing events, the first one missing). */
  revision: bigint;
  /** The global position of the event at which the walk found the break. */
  position: bigint;
  reason: ChainBreakReason;
  /** One line for a person. */
  detail: string;
}

/**
 * A stream's last event as the walk saw it. `hash` is its stored hash, or, for an event stored
 * before the chain existed, the hash it would have had (chained from genesis over the unchained
 * events before it), so that a signed digest covers unchained streams too.
 */
export interface StreamHead {
  streamId: string;
  revision: bigint;
  hash: string;
}

interface StreamState {
  revision: bigint;
  hash: string;
  chained: boolean;
}

/**
 * Checks every stream's chain, fed the store's events in global order (one pass, one entry per
 * stream). An unchained prefix of a stream (events stored before the chain existed) is counted,
 * not a break; an unchained event after a chained one is a break. After a break the walk goes on
 * from the stored values, so that one tampered event is one break.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamState>();
  eventsChecked = 0;
  unchainedEvents = 0;
  breaks = 0;
  firstBreak: ChainBreak | undefined;
  /** The position of the last event checked (0n before any). */
  position = 0n;

  /** Checks the next event (in global order); answers the break it finds there, if any. */
  check(event: RecordedEvent): ChainBreak | undefined {
    this.eventsChecked += 1;
    this.position = event.position;
    const { streamId, revision } = event;
    const state = this.streams.get(streamId);
    const stored = storedHash(event.metadata);
    const expected = state ? state.revision + 1n : 0n;

    if (revision < expected) return this.broken(event, revision, 'revision-out-of-order', `revision ${revision} after revision ${state?.revision}`);
    if (revision > expected) {
      this.streams.set(streamId, { revision, hash: stored ?? GENESIS_HASH, chained: stored !== undefined });
      return this.broken(event, expected, 'missing-revision', `expected revision ${expected}, found ${revision}`);
    }

    if (stored === undefined) {
      // Unchained: go on with the hash it would have had, so that a removed hash breaks the chain only here.
      const wouldHave = eventHash(state?.hash ?? GENESIS_HASH, event);
      this.streams.set(streamId, { revision, hash: wouldHave, chained: state?.chained ?? false });
      if (state?.chained) return this.broken(event, revision, 'unchained-after-chained', 'the event has no hash, but an earlier event of its stream has');
      this.unchainedEvents += 1;
      return undefined;
    }

    // The first chained event after an unchained prefix starts the chain over from genesis (as the adapters do).
    const previous = state?.chained ? state.hash : GENESIS_HASH;
    this.streams.set(streamId, { revision, hash: stored, chained: true });
    if (eventHash(previous, event) !== stored)
      return this.broken(event, revision, 'hash-mismatch', 'the stored hash is not the hash of the event and its predecessor');
    return undefined;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** Every stream's last event so far, sorted by stream id (UTF-8 byte order). */
  heads(): StreamHead[] {
    const heads = [...this.streams].map(([streamId, { revision, hash }]) => ({ streamId, revision, hash, key: Buffer.from(streamId, 'utf8') }));
    heads.sort((a, b) => Buffer.compare(a.key, b.key));
    return heads.map(({ streamId, revision, hash }) => ({ streamId, revision, hash }));
  }

  private broken(event: RecordedEvent, revision: bigint, reason: ChainBreakReason, detail: string): ChainBreak {
    const found: ChainBreak = { streamId: event.streamId, revision, position: event.position, reason, detail };
    this.breaks += 1;
    this.firstBreak ??= found;
    return found;
  }
}
