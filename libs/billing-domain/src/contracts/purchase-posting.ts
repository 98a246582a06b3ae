import type { PendingBlockPurchase, PendingRetainerPurchase, PendingTicketPurchase } from '../rating/rating-inputs';
import type { ContractPurchase } from './contract.events';

/** A purchase as Approve & Post rates it: billed in full on its start date (billing-rules §6), and how its line reads. */
export function purchaseToPost(
  contractId: string,
  purchase: ContractPurchase,
): { pending: PendingBlockPurchase | PendingRetainerPurchase | PendingTicketPurchase; description: string } {
  const common = { id: purchase.purchaseId, contractId, itemDate: purchase.startDate };
  const period = `${purchase.startDate} to ${purchase.endDate}`;
  switch (purchase.kind) {
    case 'BLOCK':
      return {
        pending: { ...common, kind: 'BLOCK_PURCHASE', hours: purchase.hours, hourlyRate: purchase.hourlyRate },
        description: `Block of ${purchase.hours} hours, ${period}`,
      };
    case 'RETAINER':
      return { pending: { ...common, kind: 'RETAINER_PURCHASE', amount: purchase.amount }, description: `Retainer of ${purchase.amount}, ${period}` };
    case 'TICKETS':
      return {
        pending: { ...common, kind: 'TICKET_PURCHASE', tickets: purchase.tickets, perTicketRate: purchase.perTicketRate },
        description: `${purchase.tickets} tickets, ${period}`,
      };
    default: {
      const unknown: never = purchase;
      throw new Error(`unknown purchase ${JSON.stringify(unknown)}`);
    }
  }
}
