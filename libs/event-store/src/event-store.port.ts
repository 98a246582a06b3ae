/**
 * The event store port. Modelled on EventStoreDB so that the embedded SQLite adapter and the
 * EventStoreDB adapter behave alike; the shared contract suite (`contract/`) holds them to it.
 *
 * The store is generic infrastructure: it knows streams, revisions and positions, never a
 * billing word.
 */

/** Where an append expects the stream to be. A bigint is the revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** Open metadata envelope; `EventMetadata` below names the fields every event of ours carries. */
export type Metadata = Record<string, unknown>;

/** The metadata every event carries (the envelope stays open for later fields, e.g. a hash chain). */
export interface EventMetadata extends Metadata {
  /** Who caused the event (an API key id, `system`, …). */
  actor: string;
  /** The actor's role (`system` for the service's own writers). */
  actorRole: string;
  /** Shared by every event one request or one run caused. */
  correlationId: string;
  /** The id of the command that produced the event. */
  causationId: string;
  /** Business time from the command (ISO 8601 UTC). */
  occurredAt: string;
  /** Where a human gave a reason. */
  reason?: string;
  /** Set by the store at append, whatever the caller gave: the event's link in its stream's hash chain (hash-chain/hash-chain.ts). */
  hash?: string;
}

/** An event to append. `id` (a UUID) makes a retried append idempotent. */
export interface EventData<Data = unknown, Meta extends Metadata = Metadata> {
  id: string;
  type: string;
  data: Data;
  metadata: Meta;
}

/** An event as stored. */
export interface RecordedEvent<Data = unknown, Meta extends Metadata = Metadata> {
  id: string;
  type: string;
  data: Data;
  metadata: Meta;
  streamId: string;
  /** 0-based revision of the event inside its stream. */
  revision: bigint;
  /** Global, strictly increasing position across all streams (1-based; 0 means "before the first"). */
  position: bigint;
  /** When the store recorded it (ISO 8601 UTC). */
  recordedAt: string;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append. */
  nextExpectedRevision: bigint;
  /** The global position of the last event appended. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the start (forwards) or end (backwards). */
  fromPosition?: bigint;
  direction?: Direction;
  maxCount?: number;
}

/** Either filter narrows a subscription; both may be given (an event must match both). */
export interface EventFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription delivers events strictly after this position. Defaults to 0n. */
  fromPosition?: bigint;
  filter?: EventFilter;
}

/** A catch-up-then-live subscription. Iterate it; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Which adapter this is (`sqlite`, `esdb`), for health and logs. */
  readonly kind: string;

  /**
   * Appends atomically: all the events or none. Raises `WrongExpectedVersion` when the stream is
   * not where `expectedRevision` says; retrying an append whose events are already in the stream
   * at the expected place (same ids) is a no-op that answers as the first append did.
   */
  appendToStream(stream: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  /** A stream's events; a stream that does not exist yields nothing. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Every event in global order, paged so that a long read never holds it all in memory. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeToAllOptions): Subscription;

  /** The position of the last event in the store (0n when empty). */
  headPosition(): Promise<bigint>;

  close(): Promise<void>;
}
