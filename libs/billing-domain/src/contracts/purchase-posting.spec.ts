import type { ContractPurchase } from './contract.events';
import { purchaseToPost } from './purchase-posting';

const period = { sequence: 1, startDate: '2026-11-01', endDate: '2026-11-30', purchasedAt: '2026-10-30T09:00:00.000Z', billingCodeId: null };

describe('purchaseToPost (billing-rules §6: a purchase is billed in full, dated its start)', () => {
  it.each<[string, ContractPurchase, ReturnType<typeof purchaseToPost>]>([
    [
      'a block of 10 hours at $100',
      { kind: 'BLOCK', purchaseId: 'b1', hours: '10', hourlyRate: '100', ...period },
      {
        pending: { kind: 'BLOCK_PURCHASE', id: 'b1', contractId: 'blk', itemDate: '2026-11-01', hours: '10', hourlyRate: '100' },
        description: 'Block of 10 hours, 2026-11-01 to 2026-11-30',
      },
    ],
    [
      'a retainer of $2,500',
      { kind: 'RETAINER', purchaseId: 'r1', amount: '2500', ...period },
      {
        pending: { kind: 'RETAINER_PURCHASE', id: 'r1', contractId: 'blk', itemDate: '2026-11-01', amount: '2500' },
        description: 'Retainer of 2500, 2026-11-01 to 2026-11-30',
      },
    ],
    [
      '20 tickets at $45',
      { kind: 'TICKETS', purchaseId: 't1', tickets: 20, perTicketRate: '45', ...period },
      {
        pending: { kind: 'TICKET_PURCHASE', id: 't1', contractId: 'blk', itemDate: '2026-11-01', tickets: 20, perTicketRate: '45' },
        description: '20 tickets, 2026-11-01 to 2026-11-30',
      },
    ],
  ])('given %s, then it posts as one item of its full size on its start date', (_name, purchase, expected) => {
    expect(purchaseToPost('blk', purchase)).toEqual(expected);
  });
});
