import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Conflict, currentSchemaVersion, upcast, type Decider, type DomainEvent } from '@billing/domain';
import { EVENT_STORE, WrongExpectedVersion, type EventMetadata, type EventStore, type ExpectedRevision } from '@billing/event-store';

/** Who asked, and when: the metadata every event of a command carries. */
export type CommandMetadata = Omit<EventMetadata, 'schemaVersion'>;

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
 * The write path of every command: read one stream, fold it with the decider's `evolve`, decide,
 * append with the expected revision, and decide again on a conflict (another writer got there
 * first), so a decision is always taken on the latest state of its stream.
 */
@Injectable()
export class StreamDecisions {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<Event extends DomainEvent, State>(streamId: string, decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>): Promise<LoadedStream<State>> {
    let state = decider.initialState;
    let revision: ExpectedRevision = 'no_stream';
    let position = 0n;
    for await (const recorded of this.store.readStream(streamId)) {
      const schemaVersion = typeof recorded.metadata.schemaVersion === 'number' ? recorded.metadata.schemaVersion : 1;
      state = decider.evolve(state, upcast<Event>({ type: recorded.type, data: recorded.data, schemaVersion }));
      revision = recorded.revision;
      position = recorded.position;
    }
    return { state, revision, position, exists: revision !== 'no_stream' };
  }

  /** `command` may be a function of the loaded state, for commands that need it to be built. */
  async decide<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command | ((state: State) => Command | Promise<Command>),
    metadata: CommandMetadata,
  ): Promise<Decision<Event, State>> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.load(streamId, decider);
      const resolved = typeof command === 'function' ? await (command as (state: State) => Command | Promise<Command>)(loaded.state) : command;
      const events = decider.decide(resolved, loaded.state);
      if (events.length === 0) return { events, state: loaded.state, position: loaded.position };
      try {
        const result = await this.append(streamId, events, loaded.revision, metadata);
        return { events, state: events.reduce(decider.evolve, loaded.state), position: result };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
      }
    }
    throw new Conflict(`stream ${streamId} is being changed by too many writers at once; try again`, 'contention');
  }

  async append(streamId: string, events: DomainEvent[], expectedRevision: ExpectedRevision, metadata: CommandMetadata): Promise<bigint> {
    const result = await this.store.appendToStream(
      streamId,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: currentSchemaVersion(event.type) },
      })),
      { expectedRevision },
    );
    return result.position;
  }
}
