/** What grouping by ledger needs of an item. */
interface OnLedger {
  billToAccountId: string;
}

/** The items by bill-to account, in the order given. */
export function byLedger<Item extends OnLedger>(items: readonly Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(item.billToAccountId);
    if (group) group.push(item);
    else groups.set(item.billToAccountId, [item]);
  }
  return groups;
}

/** The items grouped by ledger, the ledgers in chunks of about `size` items, no ledger split. */
export function ledgerChunks<Item extends OnLedger>(items: readonly Item[], size: number): Item[][] {
  const chunks: Item[][] = [];
  let chunk: Item[] = [];
  for (const group of byLedger(items).values()) {
    chunk.push(...group);
    if (chunk.length >= size) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
