import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type {
  AppendExpectedRevision,
  Filter,
  JSONType,
  Position,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
  StreamingRead,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  Metadata,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { EventStoreUnavailable } from '../errors/event-store-unavailable.error';
import { WrongExpectedVersion } from '../errors/wrong-expected-version.error';
import { chainEvents, storedHash, type ChainTail } from '../hash-chain/hash-chain';

/*
 * Positions. EventStoreDB addresses $all with a pair {commit, prepare}. Every append made over
 * gRPC is written as self-committed prepare records, one per event, so each of our events has
 * commit === prepare === its own log position: unique and strictly increasing (KurrentDB
 * ResolvedEvent.CalculatePosition, AllReader). Our position is therefore the commit position, and
 * we resume from {commit: p, prepare: p}, the exact address of the event at p.
 * Caveat: events written in an explicit transaction (legacy TCP API only; gRPC has none) share one
 * commit position with distinct prepare positions; this mapping would not order those apart.
 * Exclusivity: catch-up subscriptions from a position are exclusive on the server; a forwards
 * $all read is inclusive, so the event at the resume position is skipped here.
 */

export interface EsdbEventStoreOptions {
  /** Events fetched per $all read when paging (at least 2: a forwards page repeats its start). */
  pageSize?: number;
}

const at = (position: bigint): Position => ({ commit: position, prepare: position });

/** Tries of an `any` or `stream_exists` append on a stream that others keep appending to. */
const MAX_CHAIN_ATTEMPTS = 10;

/** Where an append lands: the revision it is made at, and the chain's tail there; or the reply to a retry already done. */
type AppendPlace = { revision: AppendExpectedRevision; tail?: ChainTail } | { replayed: AppendResult };

/** EventStoreDB's own events ($stats, $metadata, links, …): our port's $all holds only ours. */
function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function toRecorded(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: (event.metadata ?? {}) as Metadata,
    streamId: event.streamId,
    revision: event.revision,
    // Always present for self-committed events (see "Positions" above).
    position: event.position?.commit ?? 0n,
    recordedAt: event.created.toISOString(),
  };
}

function matches(filter: EventFilter | undefined, event: EsdbRecordedEvent): boolean {
  const { streamPrefixes, eventTypes } = filter ?? {};
  if (streamPrefixes?.length && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (eventTypes?.length && !eventTypes.includes(event.type)) return false;
  return true;
}

/**
 * The server filters on one thing only. Stream prefixes go to the server when given (and event
 * types are then checked here); event types go as prefixes, so the exact match is checked here too.
 */
function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: filter.eventTypes });
  return excludeSystemEvents();
}

/** The store over EventStoreDB: a thin mapping of the port onto @eventstore/db-client 6.x. */
export class EsdbEventStore implements EventStore {
  readonly kind = 'esdb';
  private readonly pageSize: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.pageSize = Math.max(2, options.pageSize ?? 500);
  }

  /**
   * Each event carries the hash chain (hash-chain.ts), which continues from the event the append
   * lands after: that event is read first and the append is made at exactly its revision, so an
   * `any` or `stream_exists` append becomes one at the revision read, tried again on a conflict.
   */
  async appendToStream(stream: string, events: EventData[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    for (let attempt = 1; ; attempt++) {
      const place = await this.appendPlace(stream, events, expected);
      if ('replayed' in place) return place.replayed;
      const esdbEvents = chainEvents(stream, place.tail, events).map((event) =>
        jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType }),
      );
      try {
        const result = await this.client.appendToStream(stream, esdbEvents, { expectedRevision: place.revision });
        return {
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position?.commit ?? (await this.positionOf(stream, result.nextExpectedRevision)),
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const chosenHere = expected === 'any' || expected === 'stream_exists';
        if (!chosenHere || attempt === MAX_CHAIN_ATTEMPTS) throw new WrongExpectedVersion(stream, expected, error.actualVersion);
      }
    }
  }

  private async appendPlace(stream: string, events: EventData[], expected: ExpectedRevision): Promise<AppendPlace> {
    if (expected === 'no_stream') return { revision: NO_STREAM };
    if (typeof expected === 'bigint') {
      // A retry of an append already made is a no-op on the server (same ids at that revision), whatever this reads.
      const [previous] = await collect(this.readStream(stream, { fromRevision: expected, maxCount: 1 }));
      return { revision: expected, tail: { revision: expected, hash: storedHash(previous?.metadata) } };
    }
    // The stream's last events: when they are this append's own, it is a retry of an append already made.
    const recent = await collect(this.readStream(stream, { direction: 'backwards', maxCount: Math.max(1, events.length) }));
    const last = recent[0];
    if (!last) {
      if (expected === 'stream_exists') throw new WrongExpectedVersion(stream, expected, 'no_stream');
      return { revision: NO_STREAM };
    }
    const sameIds = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    if (events.length > 0 && recent.length === events.length && recent.every((event, i) => sameIds(event.id, events[events.length - 1 - i].id))) {
      return { replayed: { nextExpectedRevision: last.revision, position: last.position } };
    }
    return { revision: last.revision, tail: { revision: last.revision, hash: storedHash(last.metadata) } };
  }

  /** For a reply without a position (not expected from 24.x): the position of the event at `revision`. */
  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(stream, { fromRevision: revision, maxCount: 1 })) return event.position;
    return 0n;
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: options.maxCount,
    });
    return streamEvents(read);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return this.pagedAll(options.direction === 'backwards', options.fromPosition, options.maxCount ?? Number.POSITIVE_INFINITY);
  }

  /** Pages through $all, `pageSize` events per read, resuming strictly after the last event seen. */
  private async *pagedAll(backwards: boolean, after: bigint | undefined, maxCount: number): AsyncGenerator<RecordedEvent> {
    let cursor = after;
    let remaining = maxCount;
    while (remaining > 0) {
      this.assertOpen();
      const fromPosition: ReadPosition = cursor === undefined ? (backwards ? END : START) : at(cursor);
      const page = this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition, maxCount: this.pageSize });
      let received = 0;
      let drained = false;
      try {
        for await (const { event } of page) {
          received += 1;
          if (!event) continue;
          const position = event.position.commit;
          if (cursor !== undefined && (backwards ? position >= cursor : position <= cursor)) continue;
          cursor = position;
          if (isSystemEvent(event)) continue;
          remaining -= 1;
          yield toRecorded(event);
          if (remaining === 0) break;
        }
        drained = true;
      } finally {
        if (!drained) await page.cancel();
      }
      if (received < this.pageSize) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const after = options.fromPosition ?? 0n;
    const filter = options.filter;
    const source = this.client.subscribeToAll({
      fromPosition: after === 0n ? START : at(after),
      filter: serverFilter(filter),
    });
    let closed = false;

    async function* events(): AsyncGenerator<RecordedEvent> {
      try {
        for await (const { event } of source) {
          if (!event || isSystemEvent(event) || !matches(filter, event)) continue;
          // The server resumes exclusively already; this guards the contract, not the server.
          if (event.position.commit <= after) continue;
          yield toRecorded(event);
        }
      } catch (error) {
        if (!closed) throw error;
      }
    }

    const iterator = events();
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        if (closed) return;
        closed = true;
        this.subscriptions.delete(subscription);
        await source.unsubscribe().catch(() => undefined);
        // An unsubscribed source never ends by itself: destroying it ends a pending iteration.
        source.destroy();
        await iterator.return(undefined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
    return 0n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailable('the event store is closed');
  }
}

async function* streamEvents(read: StreamingRead<{ event?: EsdbRecordedEvent }>): AsyncGenerator<RecordedEvent> {
  let drained = false;
  try {
    for await (const { event } of read) if (event) yield toRecorded(event);
    drained = true;
  } catch (error) {
    drained = true;
    if (!(error instanceof StreamNotFoundError)) throw error;
  } finally {
    if (!drained) await read.cancel();
  }
}

/**
 * Builds the client and checks, within `timeoutMs`, that the server answers (a read of the last
 * event of $all), so that a wrong address fails at start-up in one clear line, not in a retry loop.
 */
export async function connectEsdb(connectionString: string, options: { timeoutMs?: number } = {}): Promise<EsdbEventStore> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const unavailable = (error: unknown) => new EventStoreUnavailable(`cannot reach EventStoreDB at ${hostOf(connectionString)}: ${reasonOf(error)}`, error);

  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw unavailable(error);
  }

  const probe = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([drain(probe), deadline]);
  } catch (error) {
    // Not awaited: a client still discovering its cluster would hold us past the deadline.
    void probe.cancel().catch(() => undefined);
    void client.dispose().catch(() => undefined);
    throw unavailable(error);
  } finally {
    clearTimeout(timer);
  }
  return new EsdbEventStore(client);
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

/** host[:port][,host…] from the connection string, without credentials. */
function hostOf(connectionString: string): string {
  return /^[a-z+]+:\/\/(?:[^@/?]*@)?([^/?]+)/i.exec(connectionString)?.[1] ?? '(unparsable connection string)';
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim() || 'unknown error';
}
