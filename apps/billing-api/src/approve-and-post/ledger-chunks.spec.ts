import { byLedger, ledgerChunks } from './ledger-chunks';

describe('the chunks Approve & Post works through', () => {
  // only the ledger matters to the chunking; every item has an id of its own
  let next = 0;
  const items = (ledger: string, n: number) => Array.from({ length: n }, () => ({ billToAccountId: ledger, id: `${ledger}-${next++}` }));
  const shape = (chunks: { billToAccountId: string }[][]) =>
    chunks.map((chunk) =>
      [...new Set(chunk.map((i) => i.billToAccountId))].map((l) => `${l}×${chunk.filter((i) => i.billToAccountId === l).length}`).join(' '),
    );
  beforeEach(() => {
    next = 0;
  });

  it('gathers whole ledgers until a chunk holds the size, never splitting a ledger', () => {
    // given: a 3, b 4 (a+b = 7 ≥ 5: first chunk), c 6 (≥ 5 alone), d 1 (what is left)
    const given = [...items('a', 2), ...items('b', 4), ...items('a', 1), ...items('c', 6), ...items('d', 1)];
    // then
    expect(shape(ledgerChunks(given, 5))).toEqual(['a×3 b×4', 'c×6', 'd×1']);
  });

  it('keeps every item exactly once, each ledger’s items in the order given', () => {
    // given: a-0 a-1 a-2, b-3 b-4, a-5 a-6
    const given = [...items('a', 3), ...items('b', 2), ...items('a', 2)];
    // when
    const chunks = ledgerChunks(given, 2);
    // then: a's five items first (in their order), then b's two; none lost, none twice
    expect(chunks.flat().map((i) => i.id)).toEqual(['a-0', 'a-1', 'a-2', 'a-5', 'a-6', 'b-3', 'b-4']);
    expect(chunks.flat()).toHaveLength(given.length);
    expect(shape(chunks)).toEqual(['a×5', 'b×2']);
    expect(ledgerChunks([], 2)).toEqual([]);
  });

  it('groups by ledger in the order the ledgers first appear', () => {
    // given
    const given = [...items('b', 1), ...items('a', 2), ...items('b', 1)];
    // then
    expect([...byLedger(given).entries()].map(([ledger, group]) => [ledger, group.map((i) => i.id)])).toEqual([
      ['b', ['b-0', 'b-3']],
      ['a', ['a-1', 'a-2']],
    ]);
  });
});
