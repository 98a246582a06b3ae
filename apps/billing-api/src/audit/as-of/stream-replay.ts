import type { DomainEvent } from '@billing/domain';
import type { EventStore, RecordedEvent } from '@billing/event-store';
import { domainEvent } from '@billing/projections';

export interface StreamAsOf<State> {
  state: State;
  /** Whether the stream had any event at that point. */
  exists: boolean;
  /** The position of the last event folded; 0n when none. */
  position: bigint;
}

/**
 * A stream's state as it stood: its events folded with `evolve` from the first up to the last one
 * `within` keeps (along a stream it keeps a run of events from the start, so the read stops at the
 * first it refuses).
 */
export async function replayStreamAsOf<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  fold: { evolve: (state: State, event: Event) => State; initialState: () => State },
  within: (event: RecordedEvent) => boolean,
): Promise<StreamAsOf<State>> {
  let state = fold.initialState();
  let position = 0n;
  let exists = false;
  for await (const recorded of store.readStream(streamId)) {
    if (!within(recorded)) break;
    state = fold.evolve(state, domainEvent<Event>(recorded));
    position = recorded.position;
    exists = true;
  }
  return { state, exists, position };
}
