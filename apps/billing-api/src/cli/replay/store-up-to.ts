import type { EventStore, ReadAllOptions, RecordedEvent } from '@billing/event-store';

/**
 * The store as it stood at `lastPosition`: `readAll` ends after that position and `headPosition`
 * answers no more than it, so a `ProjectionRunner.catchUp()` over it stops there. Read-only: it
 * appends nothing, does not subscribe, and leaves the store open (it belongs to the caller).
 * `seen` is called with every event read.
 */
export function storeUpTo(store: EventStore, lastPosition: bigint, seen?: (event: RecordedEvent) => void): EventStore {
  return {
    kind: store.kind,
    appendToStream: () => Promise.reject(new Error('a replay does not write to the store')),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => readUpTo(store, lastPosition, options, seen),
    subscribeToAll: () => {
      throw new Error(`a replay reads up to position ${lastPosition}; it does not subscribe`);
    },
    headPosition: async () => {
      const head = await store.headPosition();
      return head < lastPosition ? head : lastPosition;
    },
    close: async () => undefined,
  };
}

async function* readUpTo(
  store: EventStore,
  lastPosition: bigint,
  options: ReadAllOptions | undefined,
  seen: ((event: RecordedEvent) => void) | undefined,
): AsyncGenerator<RecordedEvent> {
  if (options?.direction === 'backwards') throw new Error('a replay reads forwards');
  if ((options?.fromPosition ?? 0n) >= lastPosition) return;
  for await (const event of store.readAll(options)) {
    if (event.position > lastPosition) return;
    seen?.(event);
    yield event;
    if (event.position === lastPosition) return;
  }
}
