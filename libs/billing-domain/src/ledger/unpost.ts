import type { ItemDraw } from '../rating/posted-item-draft';
import { dec, decimalString } from '../shared/decimal';
import { NotFound, RuleViolation } from '../shared/domain-errors';
import type { ItemUnposted, LedgerState } from './ledger.events';

/**
 * The unposting of a billing item with every other part of its posting, giving back what they
 * drew; null when it is unposted already. An item on an invoice is refused (void the invoice
 * first), unless it is the invoice being voided in the same decision (`voiding`).
 */
export function itemUnposted(state: LedgerState, billingItemId: string, reason: string, voiding: string | null = null): ItemUnposted | null {
  const item = state.items.get(billingItemId);
  if (!item) throw new NotFound('billing item', billingItemId);
  if (item.status === 'UNPOSTED') return null;
  if (!reason.trim()) throw new RuleViolation('reason-required', 'an unpost needs a reason');
  const { sourceItemId } = item.data;
  const billingItemIds = state.postedBySource.get(sourceItemId) ?? [];
  const parts = billingItemIds.map((id) => state.items.get(id)!);
  const invoiced = parts.find((p) => p.invoiceId !== null && p.invoiceId !== voiding);
  if (invoiced)
    throw new RuleViolation('item-invoiced', `billing item ${invoiced.data.billingItemId} is on invoice ${invoiced.invoiceId}; void the invoice first`);
  const returned = new Map<string, ItemDraw>();
  for (const draw of parts.flatMap((p) => p.data.draws)) {
    const seen = returned.get(draw.purchaseId);
    returned.set(draw.purchaseId, seen ? { ...seen, quantity: decimalString(dec(seen.quantity).plus(draw.quantity)) } : { ...draw });
  }
  return {
    type: 'ItemUnposted',
    data: { sourceItemId, sourceType: item.data.sourceType, billingItemIds, returned: [...returned.values()], reason },
  };
}
