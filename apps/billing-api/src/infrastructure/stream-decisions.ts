import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Conflict, currentSchemaVersion, upcast, type Decider, type DomainEvent } from '@billing/domain';
import { EVENT_STORE, WrongExpectedVersion, type EventMetadata, type EventStore, type ExpectedRevision } from '@billing/event-store';

/** Who asked, and when: the metadata every event of a command carries. */
export type CommandMetadata = EventMetadata;

export interface LoadedStream<State> {
  state: State;
  revision: ExpectedRevision;
  /** Global position of the stream's last event (0n when the stream does not exist). */
  position: bigint;
  exists: boolean;
}

export interface Decision<Event, State> {
  events: Event[];
  state: State;
  /** Where the read models must reach for the caller to see this decision (read-your-writes). */
  position: bigint;
}

const MAX_ATTEMPTS = 10;
/**
 * Streams whose folded state a decision may keep (ledgers): the least recently used go first, so
 * the cache cannot grow with every ledger ever posted to. A stream left out is folded again from
 * the store when next decided on.
 */
export const MAX_CACHED_STREAMS = 1000;
/**
 * And at most this many events in all the streams kept: a ledger's state grows with its events
 * (about 2 KB an item), so a count of streams alone let a month of 1,000 ledgers × 100 items keep
 * over 200 MB. The stream just used is kept even when it alone is longer.
 */
export const MAX_CACHED_EVENTS = 20_000;

interface DecideOptions {
  /**
   * Keep the folded state in memory and read only the events after it next time. For long,
   * hot streams (a ledger); their `evolve` may update the state in place, which is safe because
   * only committed events are ever folded into the cached state, under the stream's lock.
   */
  cache?: boolean;
  /**
   * The stream as the caller read it a moment ago, to decide on without reading it again. The
   * expected revision still guards the append: if the stream moved, it is read and decided again.
   * Only for deciders whose `evolve` returns new state (the state is not copied).
   */
  readJustNow?: LoadedStream<unknown>;
}

interface CachedStream {
  state: unknown;
  revision: ExpectedRevision;
  position: bigint;
}

/**
 * The write path of every command: read one stream, fold it with the decider's `evolve`, decide,
 * append with the expected revision, and decide again on a conflict (another writer got there
 * first), so a decision is always taken on the latest state of its stream.
 */
@Injectable()
export class StreamDecisions {
  private readonly locks = new Map<string, Promise<void>>();
  private readonly cache = new Map<string, CachedStream>();
  private cachedEvents = 0;
  private readonly shared = new Map<string, CachedStream>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  ): Promise<LoadedStream<State>> {
    return this.fold(streamId, decider, { state: decider.initialState(), revision: 'no_stream', position: 0n });
  }

  /**
   * The stream's latest state, like `load`, but folded only from the events after the last such
   * read: for streams read far more often than written (catalog, contracts, settings). The state
   * is shared by every caller, so it is frozen. Only for deciders whose `evolve` returns new state.
   */
  async loadShared<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  ): Promise<LoadedStream<State>> {
    const last = this.shared.get(streamId) as CachedStream | undefined;
    const loaded = await this.fold(streamId, decider, (last ?? { state: decider.initialState(), revision: 'no_stream', position: 0n }) as LoadedStream<State>);
    if (loaded.revision !== (last?.revision ?? 'no_stream')) {
      deepFreeze(loaded.state);
      // Two reads at once: keep the newer.
      const now = this.shared.get(streamId);
      if (!now || now.position < loaded.position) this.shared.set(streamId, loaded);
    }
    return loaded;
  }

  /**
   * Runs `work` with the stream's folded state while no other decision of this process works on
   * that stream. The state comes from the in-memory cache when `cache` is set; `work` must not
   * change it.
   */
  async withStream<Event extends DomainEvent, State, T>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    work: (loaded: LoadedStream<State>) => Promise<T>,
    options: DecideOptions = {},
  ): Promise<T> {
    return this.exclusively(streamId, async () => work(await this.loadForDecision(streamId, decider, options)));
  }

  private async loadForDecision<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    options: DecideOptions,
  ): Promise<LoadedStream<State>> {
    if (!options.cache) return this.load(streamId, decider);
    const cached = (this.cache.get(streamId) as CachedStream | undefined) ?? { state: decider.initialState(), revision: 'no_stream', position: 0n };
    try {
      const loaded = await this.fold(streamId, decider, cached as LoadedStream<State>);
      this.remember(streamId, loaded);
      return loaded;
    } catch (error) {
      // A read that failed halfway has folded some events into the cached state in place.
      this.forget(streamId);
      throw error;
    }
  }

  private async fold<Event extends DomainEvent, State>(
    streamId: string,
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    from: Omit<LoadedStream<State>, 'exists'>,
  ): Promise<LoadedStream<State>> {
    let { state, revision, position } = from;
    const fromRevision = revision === 'no_stream' ? 0n : (revision as bigint) + 1n;
    for await (const recorded of this.store.readStream(streamId, { fromRevision })) {
      const schemaVersion = typeof recorded.metadata.schemaVersion === 'number' ? recorded.metadata.schemaVersion : 1;
      state = decider.evolve(state, upcast<Event>({ type: recorded.type, data: recorded.data, schemaVersion }));
      revision = recorded.revision;
      position = recorded.position;
    }
    return { state, revision, position, exists: revision !== 'no_stream' };
  }

  private remember(streamId: string, loaded: CachedStream): void {
    // A Map keeps insertion order: moved to the end on each use, the first key is the least recently used.
    this.forget(streamId);
    this.cache.set(streamId, loaded);
    this.cachedEvents += eventsIn(loaded);
    while (this.cache.size > 1 && (this.cache.size > MAX_CACHED_STREAMS || this.cachedEvents > MAX_CACHED_EVENTS)) this.forget(this.cache.keys().next().value!);
  }

  private forget(streamId: string): void {
    const cached = this.cache.get(streamId);
    if (!cached) return;
    this.cache.delete(streamId);
    this.cachedEvents -= eventsIn(cached);
  }

  /** Decisions on one stream in this process take turns: they would only conflict with each other. */
  private async exclusively<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(streamId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.locks.set(streamId, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.locks.get(streamId) === tail) this.locks.delete(streamId);
    }
  }

  /** `command` may be a function of the loaded state, for commands that need it to be built. */
  async decide<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command | ((state: State) => Command | Promise<Command>),
    metadata: CommandMetadata,
    options: DecideOptions = {},
  ): Promise<Decision<Event, State>> {
    return this.exclusively(streamId, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const loaded =
          attempt === 1 && options.readJustNow ? (options.readJustNow as LoadedStream<State>) : await this.loadForDecision(streamId, decider, options);
        const resolved = typeof command === 'function' ? await (command as (state: State) => Command | Promise<Command>)(loaded.state) : command;
        const events = decider.decide(resolved, loaded.state);
        if (events.length === 0) return { events, state: loaded.state, position: loaded.position };
        try {
          const result = await this.store.appendToStream(streamId, this.toEventData(events, metadata), { expectedRevision: loaded.revision });
          const state = events.reduce(decider.evolve, loaded.state);
          if (options.cache) this.remember(streamId, { state, revision: result.nextExpectedRevision, position: result.position });
          return { events, state, position: result.position };
        } catch (error) {
          // Another process wrote first: decide again on the new state. Anything else: forget the
          // cached state, since it is unknown whether the append happened.
          if (!(error instanceof WrongExpectedVersion)) {
            this.forget(streamId);
            throw error;
          }
        }
      }
      throw new Conflict('contention', `stream ${streamId} is being changed by too many writers at once; try again`);
    });
  }

  private toEventData(events: DomainEvent[], metadata: CommandMetadata) {
    return events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
    }));
  }
}

/** How many events a stream held when it was folded (its revision counts from 0). */
const eventsIn = (stream: CachedStream): number => (typeof stream.revision === 'bigint' ? Number(stream.revision) + 1 : 0);

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
