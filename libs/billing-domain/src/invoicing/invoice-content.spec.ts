import fc from 'fast-check';
import { dec, sum } from '../shared/decimal';
import { dueDateOf, invoiceContentOf } from './invoice-content';
import { coveredLabour, postedItem } from './invoicing-fixtures.spec-helper';

describe('invoice content (billing-rules §10)', () => {
  // 2 h × $110 on T&M, taxed 8.875%: 19.525 → 19.53 when posted
  const labour = postedItem({
    billingItemId: 'bi-te-1-1',
    sourceItemId: 'te-1',
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    contractId: 'tm',
    itemDate: '2026-11-05',
    quantity: '2',
    rate: '110',
    amount: '220.00',
    tax: '19.53',
    taxCategoryId: 'labour',
    labour: { roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '2', hoursToBill: '2', rateSource: 'CONTRACT_ROLE_RATE' },
  });
  // $10.00 without a contract, taxed 8.875%: 0.8875 → 0.89
  const charge = postedItem({ itemDate: '2026-11-01', tax: '0.89', taxCategoryId: 'goods' });
  const coveredRemote = coveredLabour('te-2', 'remote', { contractId: 'rec', itemDate: '2026-11-03' });
  const internalWork = coveredLabour('te-3', 'internal', { contractId: 'rec', noCharge: true, covered: false, itemDate: '2026-11-02' });
  const showOnInvoice = { remote: true, internal: false };

  it('one line per item shown, by contract then date; a subtotal per contract; subtotal, tax and total', () => {
    const content = invoiceContentOf([charge, labour, internalWork, coveredRemote], showOnInvoice);
    expect(content.lines.map((l) => [l.billingItemId, l.contractId, l.amount, l.tax])).toEqual([
      ['bi-te-2-1', 'rec', '0.00', '0.00'],
      ['bi-te-1-1', 'tm', '220.00', '19.53'],
      ['bi-ch-1-1', null, '10.00', '0.89'],
    ]);
    expect(content.contractSubtotals).toEqual([
      { contractId: 'rec', subtotal: '0.00', tax: '0.00' },
      { contractId: 'tm', subtotal: '220.00', tax: '19.53' },
      { contractId: null, subtotal: '10.00', tax: '0.89' },
    ]);
    // 220.00 + 10.00 = 230.00; 19.53 + 0.89 = 20.42; 230.00 + 20.42 = 250.42
    expect(content).toMatchObject({ subtotal: '230.00', tax: '20.42', total: '250.42' });
  });

  it('a line says what the item was: its type, description, quantity, rate, and whose work it was', () => {
    const [line] = invoiceContentOf([labour], {}).lines;
    expect(line).toEqual({
      billingItemId: 'bi-te-1-1',
      sourceItemId: 'te-1',
      accountId: 'acme',
      contractId: 'tm',
      type: 'LABOR',
      description: 'Charge',
      itemDate: '2026-11-05',
      quantity: '2',
      rate: '110',
      amount: '220.00',
      tax: '19.53',
      taxCategoryId: 'labour',
    });
  });

  it('labour that charges nothing is left off where its work type says showOnInvoice false, and still claimed', () => {
    const content = invoiceContentOf([internalWork, coveredRemote], showOnInvoice);
    expect(content.lines.map((l) => l.billingItemId)).toEqual(['bi-te-2-1']);
    expect(content.items.map((i) => i.billingItemId)).toEqual(['bi-te-3-1', 'bi-te-2-1']);
  });

  it('a work type the invoice was not told of shows its lines; items without a work type are always shown', () => {
    const ticket = postedItem({ billingItemId: 'bi-t-1', type: 'TICKET', sourceType: 'TICKET', amount: '0.00', rate: '0', covered: true });
    expect(invoiceContentOf([coveredLabour('te-9', 'unknown'), ticket], {}).lines).toHaveLength(2);
  });

  it('labour that charges something is shown whatever its work type says', () => {
    const billed = { ...labour, labour: { ...labour.labour!, workTypeId: 'internal' } };
    expect(invoiceContentOf([billed], showOnInvoice).lines).toHaveLength(1);
  });

  it.each([
    ['2026-11-30', 30, '2026-12-30'],
    ['2026-11-30', 0, '2026-11-30'],
    ['2026-12-15', 30, '2027-01-14'],
    ['2028-02-15', 15, '2028-03-01'], // 2028 is a leap year: 29 February counts
    ['2027-02-15', 14, '2027-03-01'],
  ])('due date: %s + %i days = %s', (invoiceDate, days, due) => {
    expect(dueDateOf(invoiceDate, days)).toBe(due);
  });

  describe('properties', () => {
    const cents = fc.integer({ min: -99_999_999, max: 99_999_999 }).map((c) => dec(c).dividedBy(100).toFixed(2));
    const item = fc.record({
      contractId: fc.constantFrom('rec', 'blk', 'tm', null),
      labourOf: fc.constantFrom(null, 'remote', 'internal'),
      charged: fc.boolean(),
      amount: cents,
      tax: cents,
      day: fc.integer({ min: 1, max: 28 }),
    });
    const items = fc.array(item, { maxLength: 25 }).map((rows) =>
      rows.map((r, i) => {
        const zero = !r.charged && r.labourOf !== null;
        return postedItem({
          billingItemId: `bi-${i}`,
          sourceItemId: `s-${i}`,
          contractId: r.contractId,
          itemDate: `2026-11-${String(r.day).padStart(2, '0')}`,
          amount: zero ? '0.00' : r.amount,
          tax: zero ? '0.00' : r.tax,
          ...(r.labourOf && { type: 'LABOR', labour: { roleId: 'e', workTypeId: r.labourOf, hoursWorked: '1', hoursToBill: '1', rateSource: null } }),
        });
      }),
    );

    it('the total is the sum of the lines; the tax is the sum of every item’s tax; the subtotal the sum of their amounts', () => {
      fc.assert(
        fc.property(items, fc.boolean(), (given, showInternal) => {
          const content = invoiceContentOf(given, { remote: true, internal: showInternal });
          const lineAmounts = sum(content.lines.map((l) => dec(l.amount)));
          const lineTax = sum(content.lines.map((l) => dec(l.tax)));
          const itemTax = sum(given.map((i) => dec(i.tax)));
          const itemAmounts = sum(given.map((i) => dec(i.amount)));
          const subtotals = sum(content.contractSubtotals.map((s) => dec(s.subtotal)));
          const facts = `lines ${lineAmounts} + ${lineTax}, items ${itemAmounts} + ${itemTax}, answered ${content.subtotal} + ${content.tax} = ${content.total}`;
          expect({ total: dec(content.total).equals(lineAmounts.plus(lineTax)), facts }).toEqual({ total: true, facts });
          expect({ tax: dec(content.tax).equals(itemTax) && dec(content.tax).equals(lineTax), facts }).toEqual({ tax: true, facts });
          expect({ subtotal: dec(content.subtotal).equals(itemAmounts) && subtotals.equals(itemAmounts), facts }).toEqual({ subtotal: true, facts });
          expect(content.items.map((i) => i.billingItemId).sort()).toEqual(given.map((i) => i.billingItemId).sort());
        }),
      );
    });
  });
});
