import type { EventData, RecordedEvent } from '../event-store.port';
import { ChainVerifier } from './chain-verifier';
import { chainEvents, eventHash, GENESIS_HASH } from './hash-chain';

/** Two streams interleaved in global order: a-0, b-0, a-1, b-1, a-2, … each chained as the adapters chain them. */
function store(eventsPerStream: number, chainedFrom = 0): RecordedEvent[] {
  const recorded: RecordedEvent[] = [];
  const tails = new Map<string, { revision: bigint; hash: string | undefined }>();
  let position = 0n;
  for (let r = 0; r < eventsPerStream; r++) {
    for (const streamId of ['a', 'b']) {
      const event: EventData = { id: `${streamId}-${r}`, type: 'AmountSet', data: { amount: `${r}.00` }, metadata: { actor: 'key-1' } };
      const tail = tails.get(streamId);
      const [stored] = r < chainedFrom ? [event] : chainEvents(streamId, tail, [event]);
      position += 1n;
      recorded.push({ ...stored, streamId, revision: BigInt(r), position, recordedAt: '2026-11-20T10:00:00.000Z' });
      tails.set(streamId, { revision: BigInt(r), hash: stored.metadata.hash as string | undefined });
    }
  }
  return recorded;
}

function verify(events: RecordedEvent[]): ChainVerifier {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.check(event);
  return verifier;
}

const at = (events: RecordedEvent[], streamId: string, revision: number) => events.findIndex((e) => e.streamId === streamId && e.revision === BigInt(revision));

describe('ChainVerifier', () => {
  it('passes an untouched store, and counts its events and streams', () => {
    // given / when
    const verifier = verify(store(4));
    // then
    expect(verifier.firstBreak).toBeUndefined();
    expect([verifier.eventsChecked, verifier.streamCount, verifier.breaks, verifier.unchainedEvents, verifier.position]).toEqual([8, 2, 0, 0, 8n]);
  });

  it('finds a changed amount at its revision', () => {
    // given: a-2 (position 5) says 9.00 instead of 2.00
    const events = store(4);
    const i = at(events, 'a', 2);
    events[i] = { ...events[i], data: { amount: '9.00' } };
    // when
    const verifier = verify(events);
    // then
    expect(verifier.firstBreak).toMatchObject({ streamId: 'a', revision: 2n, position: 5n, reason: 'hash-mismatch' });
    expect(verifier.breaks).toBe(1);
  });

  it('finds a changed metadata field, stream id and type', () => {
    for (const change of [{ metadata: { ...store(1)[0].metadata, actor: 'key-2' } }, { type: 'AmountCleared' }]) {
      const events = store(2);
      events[0] = { ...events[0], ...change };
      expect(verify(events).firstBreak).toMatchObject({ streamId: 'a', revision: 0n, reason: 'hash-mismatch' });
    }
  });

  it('finds a deleted event: the first missing revision, where the walk saw the gap', () => {
    // given: a-1 (position 3) deleted
    const events = store(4);
    events.splice(at(events, 'a', 1), 1);
    // when
    const verifier = verify(events);
    // then: a-2, at position 5, comes where a-1 should
    expect(verifier.firstBreak).toMatchObject({ streamId: 'a', revision: 1n, position: 5n, reason: 'missing-revision' });
    expect(verifier.breaks).toBe(1);
  });

  it('finds a deleted event whose successors were renumbered to close the gap', () => {
    const events = store(4);
    events.splice(at(events, 'a', 1), 1);
    for (const event of events) if (event.streamId === 'a' && event.revision > 1n) event.revision -= 1n;
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'a', revision: 1n, position: 5n, reason: 'hash-mismatch' });
  });

  it('finds a swapped pair: two events’ data and metadata exchanged, at the first of the two', () => {
    const events = store(4);
    const [i, j] = [at(events, 'b', 1), at(events, 'b', 2)];
    [events[i], events[j]] = [
      { ...events[i], data: events[j].data, metadata: events[j].metadata },
      { ...events[j], data: events[i].data, metadata: events[i].metadata },
    ];
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'b', revision: 1n, position: 4n, reason: 'hash-mismatch' });
  });

  it('finds a swapped pair: two events’ revisions exchanged', () => {
    const events = store(4);
    const [i, j] = [at(events, 'b', 1), at(events, 'b', 2)];
    [events[i].revision, events[j].revision] = [2n, 1n];
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'b', revision: 1n, position: 4n, reason: 'missing-revision' });
  });

  it('finds an event moved to another stream', () => {
    const events = store(3);
    const i = at(events, 'b', 2);
    events[i] = { ...events[i], streamId: 'a', revision: 3n };
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'a', revision: 3n, reason: 'hash-mismatch' });
  });

  it('finds a stored hash rewritten to match a changed event, at the next event', () => {
    // given: a-1 changed and its hash recomputed; a-2 still holds the hash of the original a-1
    const events = store(4);
    const i = at(events, 'a', 1);
    const changed = { ...events[i], data: { amount: '9.00' } };
    changed.metadata = { ...changed.metadata, hash: eventHash(events[at(events, 'a', 0)].metadata.hash as string, changed) };
    events[i] = changed;
    // then
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'a', revision: 2n, reason: 'hash-mismatch' });
  });

  it('counts an unchained prefix (events stored before the chain existed) without a break, and checks the chain after it', () => {
    // given: revisions 0 and 1 of each stream unchained, 2 and 3 chained (from genesis)
    const events = store(4, 2);
    // when
    const verifier = verify(events);
    // then
    expect(verifier.firstBreak).toBeUndefined();
    expect(verifier.unchainedEvents).toBe(4);
    // and a change after the prefix is still found
    const i = at(events, 'a', 3);
    events[i] = { ...events[i], data: { amount: '9.00' } };
    expect(verify(events).firstBreak).toMatchObject({ streamId: 'a', revision: 3n, reason: 'hash-mismatch' });
  });

  it('breaks on an unchained event after a chained one (a removed hash), once', () => {
    const events = store(4);
    const i = at(events, 'a', 1);
    const { hash: _removed, ...metadata } = events[i].metadata;
    events[i] = { ...events[i], metadata };
    const verifier = verify(events);
    expect(verifier.firstBreak).toMatchObject({ streamId: 'a', revision: 1n, position: 3n, reason: 'unchained-after-chained' });
    expect(verifier.breaks).toBe(1);
  });

  it('answers every stream’s head: its last revision and hash, sorted by stream id', () => {
    const events = store(3);
    const heads = verify(events).heads();
    expect(heads).toEqual([
      { streamId: 'a', revision: 2n, hash: events[at(events, 'a', 2)].metadata.hash },
      { streamId: 'b', revision: 2n, hash: events[at(events, 'b', 2)].metadata.hash },
    ]);
  });

  it('gives an unchained head the hash it would have had', () => {
    const events = store(2, 2);
    const a0 = events[at(events, 'a', 0)];
    const a1 = events[at(events, 'a', 1)];
    const head = verify(events).heads()[0];
    expect(head).toEqual({ streamId: 'a', revision: 1n, hash: eventHash(eventHash(GENESIS_HASH, a0), a1) });
  });

  it('sorts heads by the UTF-8 bytes of the stream id', () => {
    // U+FF5E sorts before U+1F600 in UTF-8, after it in UTF-16 code units
    const verifier = new ChainVerifier();
    const [e1] = chainEvents('😀', undefined, [{ id: '1', type: 'T', data: {}, metadata: {} }]);
    const [e2] = chainEvents('～', undefined, [{ id: '2', type: 'T', data: {}, metadata: {} }]);
    verifier.check({ ...e1, streamId: '😀', revision: 0n, position: 1n, recordedAt: '' });
    verifier.check({ ...e2, streamId: '～', revision: 0n, position: 2n, recordedAt: '' });
    expect(verifier.heads().map((h) => h.streamId)).toEqual(['～', '😀']);
  });
});
