import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { dec, MAX_ITEM_AMOUNT, moneyString, type BillingEvent, type ChargeRecorded, type Dec } from '@billing/domain';
import { billingItem } from '../../testing/billing-fixtures';
import { projectionSpec } from '../../testing/projection-spec';
import { unbilledDashboardProjection } from './unbilled-dashboard.projection';
import { queryUnbilledDashboard } from './unbilled-dashboard.query';

const charge = (chargeId: string, accountId: string, contractId: string | null, quantity: string, unitPrice: string): ChargeRecorded => ({
  type: 'ChargeRecorded',
  data: {
    chargeId,
    accountId,
    contractId,
    billingCodeId: null,
    resourceId: null,
    name: chargeId,
    date: '2026-11-02',
    quantity,
    unitPrice,
    unitCost: '0',
    billable: true,
    purchaseOrderNumber: null,
  },
});

interface Totals {
  byAccount: Record<string, { count: number; amount: string }>;
  byContract: Record<string, { count: number; amount: string }>;
  byStage: Record<string, { count: number; amount: string }>;
}

const read = (db: Database.Database, filter: object) => {
  const answer = queryUnbilledDashboard(db, { asOf: '2026-11-30', stuckAfterDays: 7, limit: 10_000, offset: 0, ...filter });
  return {
    amounts: Object.fromEntries((JSON.parse(answer.itemsJson) as { sourceItemId: string; amount: string }[]).map((i) => [i.sourceItemId, i.amount])),
    totals: JSON.parse(answer.totalsJson) as Totals,
    total: answer.total,
  };
};

/** A decimal of at most 4 places from a count of ten-thousandths. */
const ofTenThousandths = (n: bigint) => dec(n.toString()).dividedBy(10_000).toFixed();
const MOST_TEN_THOUSANDTHS = 10n ** 16n - 1n; // 999999999999.9999, the most a field's 15 integer digits leave
/** `quantity × unitPrice` at most MAX_ITEM_AMOUNT, in units of 10^-8 (ten-thousandths × ten-thousandths). */
const MOST_CENTS = BigInt(dec(MAX_ITEM_AMOUNT).times(100).toFixed());
const MOST_PRODUCT = MOST_CENTS * 10n ** 6n;
/** Often near the top of the range, else anywhere in it. */
const large = (most: bigint) => fc.oneof(fc.bigInt({ min: most / 10n, max: most }), fc.bigInt({ min: 0n, max: most }));

/** A charge as a request may now record it: large prices (often near the bound), quantity × unitPrice within the bound. */
const largeCharge = large(MOST_TEN_THOUSANDTHS).chain((price) => {
  const mostQuantity = price === 0n ? MOST_TEN_THOUSANDTHS : MOST_PRODUCT / price;
  return fc.record({
    unitPrice: fc.constant(ofTenThousandths(price)),
    quantity: fc.bigInt({ min: 1n, max: mostQuantity < MOST_TEN_THOUSANDTHS ? mostQuantity : MOST_TEN_THOUSANDTHS }).map(ofTenThousandths),
    accountId: fc.constantFrom('acme', 'globex'),
    contractId: fc.constantFrom('acme-tm', 'globex-tm', null),
    // pending; posted (at an approver's amount, up to the bound); posted then unposted
    fate: fc.constantFrom('pending' as const, 'posted' as const, 'unposted' as const),
    postedCents: large(MOST_CENTS),
  });
});

describe('the unbilled dashboard keeps large amounts exactly (fast-check)', () => {
  it('every item’s amount and every total equal the exact decimal sums, from the totals table and from a scan alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(largeCharge, { minLength: 1, maxLength: 60 }), async (charges) => {
        // given: the charges recorded, some posted, some of those unposted
        const events: BillingEvent[] = [];
        const expectedAmounts: Record<string, string> = {};
        const sums = { byAccount: new Map<string, Dec[]>(), byContract: new Map<string, Dec[]>(), byStage: new Map<string, Dec[]>() };
        for (const [i, c] of charges.entries()) {
          const id = `ch-${i}`;
          events.push(charge(id, c.accountId, c.contractId, c.quantity, c.unitPrice));
          const pendingAmount = moneyString(dec(c.quantity).times(c.unitPrice));
          const postedAmount = dec(c.postedCents.toString()).dividedBy(100).toFixed(2);
          if (c.fate !== 'pending') {
            events.push({
              type: 'ItemPosted',
              data: billingItem({ billingItemId: `bi-${i}`, sourceItemId: id, accountId: c.accountId, contractId: c.contractId, amount: postedAmount }),
            });
          }
          if (c.fate === 'unposted') {
            events.push({
              type: 'ItemUnposted',
              data: { sourceItemId: id, sourceType: 'CHARGE', billingItemIds: [`bi-${i}`], returned: [], reason: 'property' },
            });
          }
          const amount = c.fate === 'posted' ? postedAmount : pendingAmount;
          expectedAmounts[id] = amount;
          const add = (map: Map<string, Dec[]>, key: string) => map.set(key, [...(map.get(key) ?? []), dec(amount)]);
          add(sums.byAccount, c.accountId);
          add(sums.byContract, c.contractId ?? '(none)');
          add(sums.byStage, c.fate === 'posted' ? 'AWAITING_INVOICE' : 'AWAITING_POSTING');
        }
        const exact = (map: Map<string, Dec[]>) =>
          Object.fromEntries(
            [...map].map(([key, amounts]) => [key, { count: amounts.length, amount: amounts.reduce((s, a) => s.plus(a), dec(0)).toFixed(2) }]),
          );
        const expectedTotals = { byAccount: exact(sums.byAccount), byContract: exact(sums.byContract), byStage: exact(sums.byStage) };

        // when: the dashboard is read, whole (totals table) and filtered by date (a scan of the items)
        const db = await projectionSpec(unbilledDashboardProjection).given(events).readModel();
        try {
          const whole = read(db, {});
          const scanned = read(db, { from: '2026-01-01' });

          // then: each amount as the exact decimal, each total as the exact sum of the items' amounts
          expect(whole.amounts).toEqual(expectedAmounts);
          expect(whole.totals).toEqual(expectedTotals);
          expect(whole.total).toBe(charges.length);
          expect(scanned.totals).toEqual(expectedTotals);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('totals stay exact beyond 64 bits of cents, however many items are summed', async () => {
    // given: 11 charges of 8,999,999,999,999,999.99 (each within 64 bits of cents, as 92,234 items at
    // the bound would be together) and a credit of 5.00, all on one contract
    const huge = Array.from({ length: 11 }, (_, i) => charge(`ch-${i}`, 'acme', 'acme-tm', '1', '8999999999999999.99'));
    const db = await projectionSpec(unbilledDashboardProjection)
      .given([...huge, charge('credit', 'acme', 'acme-tm', '1', '-5')])
      .readModel();
    try {
      // then: 11 × 899,999,999,999,999,999 cents = 9,899,999,999,999,999,989 (more than 2^63 − 1 =
      // 9,223,372,036,854,775,807), less 500 = 9,899,999,999,999,999,489 cents
      const expected = { count: 12, amount: '98999999999999994.89' };
      for (const filter of [{}, { from: '2026-01-01' }]) {
        expect(read(db, filter).totals).toEqual({
          byAccount: { acme: expected },
          byContract: { 'acme-tm': expected },
          byStage: { AWAITING_POSTING: expected },
        });
      }
      expect(read(db, {}).amounts['ch-0']).toBe('8999999999999999.99');
    } finally {
      db.close();
    }
  });
});
