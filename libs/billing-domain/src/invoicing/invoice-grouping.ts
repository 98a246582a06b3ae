import type { BillingItemData } from '../ledger/ledger.events';

/** What grouping reads of a billing item (both are resolved when the item is posted). */
export type GroupedItem = Pick<BillingItemData, 'billToAccountId' | 'purchaseOrderNumber'>;

export interface InvoiceGroup<Item extends GroupedItem> {
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  items: Item[];
}

/**
 * billing-rules §10: one invoice per bill-to account and purchase-order number. The same PO on
 * several contracts is one invoice; the items without a PO are an invoice of their own. PO numbers
 * are compared as written. Groups come by bill-to account, then PO (the group without a PO last);
 * items keep the order they were given in.
 */
export function invoiceGroupsOf<Item extends GroupedItem>(items: readonly Item[]): InvoiceGroup<Item>[] {
  const groups = new Map<string, InvoiceGroup<Item>>();
  for (const item of items) {
    const key = JSON.stringify([item.billToAccountId, item.purchaseOrderNumber]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { billToAccountId: item.billToAccountId, purchaseOrderNumber: item.purchaseOrderNumber, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()].sort(
    (a, b) => compareText(a.billToAccountId, b.billToAccountId) || compareNullLast(a.purchaseOrderNumber, b.purchaseOrderNumber),
  );
}

/** By code unit, as SQLite and every other reader of the ids sort them (not by locale). */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const compareNullLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(a, b));
