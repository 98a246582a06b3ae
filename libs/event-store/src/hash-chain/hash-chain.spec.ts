import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { EventData } from '../event-store.port';
import { canonicalJson } from './canonical-json';
import { chainEvents, eventHash, GENESIS_HASH, storedHash } from './hash-chain';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const amountSet = (amount: string, metadata: Record<string, unknown> = { actor: 'key-1' }): EventData => ({
  id: 'e-1',
  type: 'AmountSet',
  data: { amount },
  metadata,
});

describe('hash chain', () => {
  it('hashes the canonical JSON of previous hash, stream, revision, type, data and metadata (written out by hand)', () => {
    // given
    const event = { streamId: 'ledger-a', revision: 0n, type: 'AmountSet', data: { amount: '213.75' }, metadata: { actor: 'key-1' } };
    // when
    const hash = eventHash(GENESIS_HASH, event);
    // then: the documented recipe, character for character
    const text = `{"data":{"amount":"213.75"},"metadata":{"actor":"key-1"},"previousHash":"${'0'.repeat(64)}","revision":"0","streamId":"ledger-a","type":"AmountSet"}`;
    expect(hash).toBe(sha256(text));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('property: is SHA-256 of the canonical JSON of the documented object, whatever the data and metadata', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        fc.option(fc.anything(), { nil: undefined }),
        fc.dictionary(fc.string(), fc.anything()),
        (streamId, type, revision, data, metadata) => {
          const { hash: _ignored, ...hashed } = metadata;
          const expected = sha256(canonicalJson({ data, metadata: hashed, previousHash: GENESIS_HASH, revision: revision.toString(), streamId, type }));
          const actual = eventHash(GENESIS_HASH, { streamId, revision, type, data, metadata });
          if (actual !== expected) throw new Error(`${actual} != ${expected} for ${canonicalJson({ streamId, type, data: data ?? null, metadata })}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves the stored hash itself out of what it hashes', () => {
    const event = { streamId: 's', revision: 3n, type: 'T', data: {}, metadata: { actor: 'a' } };
    expect(eventHash('ab', { ...event, metadata: { actor: 'a', hash: 'whatever' } })).toBe(eventHash('ab', event));
  });

  it.each([
    ['the amount', { data: { amount: '213.76' } }],
    ['the type', { type: 'AmountCleared' }],
    ['the stream', { streamId: 'ledger-b' }],
    ['the revision', { revision: 1n }],
    ['the metadata', { metadata: { actor: 'key-2' } }],
  ])('changes with %s', (_what, change) => {
    const event = { streamId: 'ledger-a', revision: 0n, type: 'AmountSet', data: { amount: '213.75' }, metadata: { actor: 'key-1' } };
    expect(eventHash(GENESIS_HASH, { ...event, ...change })).not.toBe(eventHash(GENESIS_HASH, event));
  });

  it('changes with the previous hash', () => {
    const event = { streamId: 's', revision: 1n, type: 'T', data: {}, metadata: {} };
    expect(eventHash('a'.repeat(64), event)).not.toBe(eventHash('b'.repeat(64), event));
  });

  it('chains a new stream from genesis at revision 0, each event from the one before', () => {
    // when
    const [first, second] = chainEvents('ledger-a', undefined, [amountSet('1.00'), amountSet('2.00')]);
    // then
    const h0 = eventHash(GENESIS_HASH, { streamId: 'ledger-a', revision: 0n, type: 'AmountSet', data: { amount: '1.00' }, metadata: { actor: 'key-1' } });
    const h1 = eventHash(h0, { streamId: 'ledger-a', revision: 1n, type: 'AmountSet', data: { amount: '2.00' }, metadata: { actor: 'key-1' } });
    expect(first.metadata).toEqual({ actor: 'key-1', hash: h0 });
    expect(second.metadata).toEqual({ actor: 'key-1', hash: h1 });
    expect(first.id).toBe('e-1');
  });

  it('continues a stream from its last event, and starts over from genesis after an unchained one', () => {
    const [afterChained] = chainEvents('s', { revision: 4n, hash: 'f'.repeat(64) }, [amountSet('1.00')]);
    expect(storedHash(afterChained.metadata)).toBe(
      eventHash('f'.repeat(64), { streamId: 's', revision: 5n, type: 'AmountSet', data: { amount: '1.00' }, metadata: { actor: 'key-1' } }),
    );
    const [afterUnchained] = chainEvents('s', { revision: 4n, hash: undefined }, [amountSet('1.00')]);
    expect(storedHash(afterUnchained.metadata)).toBe(
      eventHash(GENESIS_HASH, { streamId: 's', revision: 5n, type: 'AmountSet', data: { amount: '1.00' }, metadata: { actor: 'key-1' } }),
    );
  });

  it('replaces a hash the caller put in the metadata, and leaves the caller’s events as they were', () => {
    const given = amountSet('1.00', { actor: 'key-1', hash: 'forged' });
    const [chained] = chainEvents('s', undefined, [given]);
    expect(chained.metadata.hash).toBe(
      eventHash(GENESIS_HASH, { streamId: 's', revision: 0n, type: 'AmountSet', data: { amount: '1.00' }, metadata: { actor: 'key-1' } }),
    );
    expect(given.metadata).toEqual({ actor: 'key-1', hash: 'forged' });
  });

  it('reads a stored hash only when it is a string', () => {
    expect(storedHash({ hash: 'abc' })).toBe('abc');
    expect(storedHash({ hash: 42 })).toBeUndefined();
    expect(storedHash({})).toBeUndefined();
    expect(storedHash(undefined)).toBeUndefined();
  });
});
