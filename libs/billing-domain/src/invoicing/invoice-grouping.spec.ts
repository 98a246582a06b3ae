import { invoiceGroupsOf } from './invoice-grouping';

/** billing-rules §10: one invoice per bill-to account per purchase-order number. */
describe('invoice grouping', () => {
  const item = (id: string, billToAccountId: string, purchaseOrderNumber: string | null, contractId = 'tm') => ({
    id,
    billToAccountId,
    purchaseOrderNumber,
    contractId,
  });
  const groupsOf = (items: ReturnType<typeof item>[]) =>
    invoiceGroupsOf(items).map((g) => ({ billTo: g.billToAccountId, po: g.purchaseOrderNumber, ids: g.items.map((i) => i.id) }));

  it.each([
    [
      'the same PO on a recurring and a block contract of one account: one invoice',
      [item('a', 'acme', 'PO-1', 'rec'), item('b', 'acme', 'PO-1', 'blk')],
      [{ billTo: 'acme', po: 'PO-1', ids: ['a', 'b'] }],
    ],
    [
      'two POs on one account: two invoices, by PO',
      [item('a', 'acme', 'PO-2'), item('b', 'acme', 'PO-1'), item('c', 'acme', 'PO-2')],
      [
        { billTo: 'acme', po: 'PO-1', ids: ['b'] },
        { billTo: 'acme', po: 'PO-2', ids: ['a', 'c'] },
      ],
    ],
    [
      'items without a PO: an invoice of their own, after those with one',
      [item('a', 'acme', null), item('b', 'acme', 'PO-1'), item('c', 'acme', null, 'blk')],
      [
        { billTo: 'acme', po: 'PO-1', ids: ['b'] },
        { billTo: 'acme', po: null, ids: ['a', 'c'] },
      ],
    ],
    [
      'the same PO at two bill-to accounts: two invoices, by account',
      [item('a', 'zeta', 'PO-1'), item('b', 'acme', 'PO-1')],
      [
        { billTo: 'acme', po: 'PO-1', ids: ['b'] },
        { billTo: 'zeta', po: 'PO-1', ids: ['a'] },
      ],
    ],
    [
      'POs are compared as written: po-1 is not PO-1',
      [item('a', 'acme', 'PO-1'), item('b', 'acme', 'po-1')],
      [
        { billTo: 'acme', po: 'PO-1', ids: ['a'] },
        { billTo: 'acme', po: 'po-1', ids: ['b'] },
      ],
    ],
    ['nothing to invoice: no invoice', [], []],
  ])('%s', (_case, items, expected) => {
    expect(groupsOf(items)).toEqual(expected);
  });
});
