import { deciderSpec, rule } from '../testing/decider-spec';
import { invoiceNumberDecider, type AssignInvoiceNumbers } from './invoice-number.decider';
import type { InvoiceNumberEvent } from './invoice-number.events';

const numbers = deciderSpec(invoiceNumberDecider);
const assign = (invoiceIds: string[], prefix = 'INV-'): AssignInvoiceNumbers => ({
  type: 'AssignInvoiceNumbers',
  invoices: invoiceIds.map((invoiceId) => ({ invoiceId, billToAccountId: 'acme' })),
  prefix,
});
const assigned = (invoiceId: string, sequence: number, number: string): InvoiceNumberEvent => ({
  type: 'InvoiceNumberAssigned',
  data: { invoiceId, billToAccountId: 'acme', sequence, number },
});

describe('invoice numbers (billing-rules §10: sequential, gap-free, never reused)', () => {
  it('the first invoices get 1, 2, … with the prefix, six digits at least', () => {
    numbers
      .given([])
      .when(assign(['inv-a', 'inv-b']))
      .then([assigned('inv-a', 1, 'INV-000001'), assigned('inv-b', 2, 'INV-000002')]);
  });

  it('numbers go on from the last one assigned; an invoice that has a number keeps it', () => {
    const history = [assigned('inv-a', 1, 'INV-000001'), assigned('inv-b', 2, 'INV-000002')];
    numbers
      .given(history)
      .when(assign(['inv-b', 'inv-c', 'inv-c', 'inv-a']))
      .then([assigned('inv-c', 3, 'INV-000003')]);
    numbers
      .given(history)
      .when(assign(['inv-a', 'inv-b']))
      .then([]);
  });

  it('a new prefix goes before the next numbers; the sequence goes on', () => {
    numbers
      .given([assigned('inv-a', 999_999, 'INV-999999')])
      .when(assign(['inv-b'], '2027/'))
      .then([assigned('inv-b', 1_000_000, '2027/1000000')]);
  });

  it('a prefix no setting could hold is refused', () => {
    numbers
      .given([])
      .when(assign(['inv-a'], 'INV 1'))
      .then(rule('invoice-number-prefix'));
  });
});
