import type { PreparedItem } from '../posting-batch';
import { ledgerChunks } from './approve-and-post.service';

describe('the chunks Approve & Post works through', () => {
  // only the ledger matters to the chunking
  const items = (ledger: string, n: number) => Array.from({ length: n }, (_, i) => ({ billToAccountId: ledger, ref: { itemId: `${ledger}-${i}` } }) as unknown as PreparedItem);
  const shape = (chunks: PreparedItem[][]) => chunks.map((chunk) => [...new Set(chunk.map((i) => i.billToAccountId))].map((l) => `${l}×${chunk.filter((i) => i.billToAccountId === l).length}`).join(' '));

  it('gathers whole ledgers until a chunk holds the size, never splitting a ledger', () => {
    // given: a 3, b 4 (a+b = 7 ≥ 5: first chunk), c 6 (≥ 5 alone), d 1 (what is left)
    const given = [...items('a', 2), ...items('b', 4), ...items('a', 1), ...items('c', 6), ...items('d', 1)];
    // then
    expect(shape(ledgerChunks(given, 5))).toEqual(['a×3 b×4', 'c×6', 'd×1']);
  });

  it('keeps every item exactly once, each ledger’s items in the order given', () => {
    const given = [...items('a', 3), ...items('b', 2), ...items('a', 2)];
    const chunks = ledgerChunks(given, 2);
    expect(chunks.flat().map((i) => i.ref.itemId)).toEqual(['a-0', 'a-1', 'a-2', 'a-0', 'a-1', 'b-0', 'b-1']);
    expect(shape(chunks)).toEqual(['a×5', 'b×2']);
    expect(ledgerChunks([], 2)).toEqual([]);
  });
});
