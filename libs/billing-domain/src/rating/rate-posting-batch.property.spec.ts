import fc from 'fast-check';
import { Dec, dec, roundMoney, sum } from '../shared/decimal';
import { expectDecimal } from '../testing/decimal-expect';
import type { PostedItemDraft } from './posted-item-draft';
import { ratePostingBatch } from './rate-posting-batch';
import { roles, workTypes } from './rating-fixtures.spec-helper';
import type {
  BlockPurchaseBalance,
  ContractRatingSnapshot,
  PendingCharge,
  PendingExpense,
  PendingItem,
  PendingLabour,
  PostingBatchInput,
  RetainerPurchaseBalance,
  TicketPurchaseBalance,
} from './rating-inputs';

// Decimals are generated as integers and scaled, never through a float.
const scaled = (min: number, max: number, places: number) =>
  fc.integer({ min, max }).map((n) =>
    dec(n)
      .dividedBy(10 ** places)
      .toFixed(),
  );
const dates = ['2026-01-15', '2026-02-10', '2026-03-02', '2026-03-03', '2026-06-30'];
const date = fc.constantFrom(...dates);
const dateRange = fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

const purchaseBase = fc.record({ range: dateRange, active: fc.boolean(), sequence: fc.integer({ min: 1, max: 5 }) });

const blockPurchases = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('b1', 'b2', 'b3', 'b4'), base: purchaseBase, remaining: scaled(0, 800, 2) }), {
    selector: (p) => p.id,
    maxLength: 4,
  })
  .map((rows): BlockPurchaseBalance[] =>
    rows.map(({ id, base, remaining }) => ({
      id,
      hours: '10',
      hourlyRate: '90',
      startDate: base.range[0],
      endDate: base.range[1],
      active: base.active,
      sequence: base.sequence,
      remaining,
    })),
  );

const retainerPurchases = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('r1', 'r2', 'r3'), base: purchaseBase, remaining: scaled(0, 60000, 2) }), {
    selector: (p) => p.id,
    maxLength: 3,
  })
  .map((rows): RetainerPurchaseBalance[] =>
    rows.map(({ id, base, remaining }) => ({
      id,
      amount: '1000',
      startDate: base.range[0],
      endDate: base.range[1],
      active: base.active,
      sequence: base.sequence,
      remaining,
    })),
  );

const ticketPurchases = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('t1', 't2'), base: purchaseBase, remaining: fc.integer({ min: 0, max: 3 }) }), {
    selector: (p) => p.id,
    maxLength: 2,
  })
  .map((rows): TicketPurchaseBalance[] =>
    rows.map(({ id, base, remaining }) => ({
      id,
      tickets: 5,
      perTicketRate: '45',
      startDate: base.range[0],
      endDate: base.range[1],
      active: base.active,
      sequence: base.sequence,
      remaining,
    })),
  );

const optionalRate = fc.option(scaled(5000, 25000, 2), { nil: null });
const roleRates = fc
  .record({ tech: optionalRate, engineer: optionalRate, techMultiplier: fc.option(fc.constantFrom('0.5', '1', '1.25', '3'), { nil: null }) })
  .map((r) => [
    { roleId: 'tech', hourlyRate: r.tech, blockHourMultiplier: r.techMultiplier },
    { roleId: 'engineer', hourlyRate: r.engineer },
  ]);

const contracts = fc
  .record({
    tmRates: roleRates,
    blkRates: roleRates,
    retRates: roleRates,
    blkOverage: optionalRate,
    ptOverage: optionalRate,
    blocks: blockPurchases,
    retainers: retainerPurchases,
    tickets: ticketPurchases,
  })
  .map((c): ContractRatingSnapshot[] => [
    { id: 'tm', type: 'TIME_AND_MATERIALS', roleRates: c.tmRates },
    { id: 'blk', type: 'BLOCK_HOURS', roleRates: c.blkRates, overageRate: c.blkOverage, blockPurchases: c.blocks },
    { id: 'ret', type: 'RETAINER', roleRates: c.retRates, retainerPurchases: c.retainers },
    { id: 'pt', type: 'PER_TICKET', overageRate: c.ptOverage, ticketPurchases: c.tickets },
    { id: 'rec', type: 'RECURRING_SERVICE' },
  ]);

const contractId = fc.constantFrom<string | null>(null, 'tm', 'blk', 'ret', 'rec', 'pt');
const roleId = fc.constantFrom('tech', 'engineer', 'intern');
const workTypeId = fc.constantFrom(...workTypes.map((w) => w.id));

const labourFields = fc.record({
  contractId,
  dateWorked: date,
  startTime: fc.option(fc.constantFrom('T08:00:00Z', 'T09:30:00Z', 'T13:00:00Z'), { nil: null }),
  roleId,
  workTypeId,
  hoursWorked: scaled(1, 2400, 2),
  offsetHours: fc.option(scaled(-50, 50, 2), { nil: null }),
});

const moneyFields = fc.record({
  kind: fc.constantFrom('CHARGE' as const, 'EXPENSE' as const),
  contractId: fc.constantFrom<string | null>(null, 'tm', 'ret'),
  itemDate: date,
  quantity: scaled(1, 500, 1),
  price: scaled(0, 50000, 2),
  billable: fc.boolean(),
});

const ticketFields = fc.record({
  itemDate: date,
  labour: fc.array(fc.record({ roleId, workTypeId, hoursWorked: scaled(1, 800, 2) }), { maxLength: 3 }),
});

const pendingItems = fc
  .record({
    labour: fc.array(labourFields, { maxLength: 12 }),
    money: fc.array(moneyFields, { maxLength: 5 }),
    tickets: fc.array(ticketFields, { maxLength: 4 }),
  })
  .map(({ labour, money, tickets }): PendingItem[] => [
    ...labour.map((l, i): PendingLabour => ({ kind: 'LABOR', id: `l${i}`, ...l, startTime: l.startTime === null ? null : `${l.dateWorked}${l.startTime}` })),
    ...money.map((m, i): PendingCharge | PendingExpense =>
      m.kind === 'CHARGE'
        ? {
            kind: 'CHARGE',
            id: `m${i}`,
            contractId: m.contractId,
            itemDate: m.itemDate,
            quantity: m.quantity,
            unitPrice: m.price,
            unitCost: '1',
            billable: m.billable,
          }
        : { kind: 'EXPENSE', id: `m${i}`, contractId: m.contractId, itemDate: m.itemDate, amount: m.price, billable: m.billable },
    ),
    ...tickets.map((t, i): PendingItem => ({
      kind: 'TICKET',
      id: `k${i}`,
      contractId: 'pt',
      itemDate: t.itemDate,
      labour: t.labour.map((l, j) => ({ id: `k${i}-${j}`, ...l })),
    })),
  ]);

const batchInput = fc
  .record({ items: pendingItems, contracts, roundUpMinutes: fc.constantFrom(0, 6, 15), multiplyOverage: fc.boolean() })
  .map(({ items, contracts, roundUpMinutes, multiplyOverage }): PostingBatchInput => ({
    items,
    catalog: { roles, workTypes, contracts },
    settings: { roundUpMinutes, multiplyOverage },
    billTo: { taxExempt: false, region: { id: 'r', ratesByCategory: { services: [{ name: 'VAT', rate: '0.2', compound: false }] } } },
  }));

const money = (s: string) => dec(s);

/**
 * The amount billing-rules §5 gives a labour entry billed after the work (no contract, or T&M),
 * worked out here without the engine:
 * - hours to bill = clamp(roundUp(hoursWorked, increment) + offset, minHours, maxHours), never
 *   below 0; the increment is `roundUpMinutes` (0: none);
 * - base rate = the T&M contract's rate for the role when it sets one, else the role's hourly rate;
 * - none: rate × hours; add: (rate + value) × hours; multiply: rate × value × hours;
 *   custom: value × hours; flat: value, whatever the hours;
 * - non-billable work is posted at 0; the amount is rounded half-up to cents once, per item.
 */
function ratedByHand(entry: PendingLabour, tm: ContractRatingSnapshot, roundUpMinutes: number) {
  const workType = workTypes.find((w) => w.id === entry.workTypeId)!;
  if (!workType.billable) return dec(0);
  const role = roles.find((r) => r.id === entry.roleId)!;

  const worked = dec(entry.hoursWorked);
  // whole increments of `roundUpMinutes`, counted in minutes: ceil(minutes worked / increment) × increment
  let hours = roundUpMinutes === 0 ? worked : worked.times(60).dividedBy(roundUpMinutes).ceil().times(roundUpMinutes).dividedBy(60);
  hours = hours.plus(entry.offsetHours ?? 0);
  if (workType.minHours != null && hours.lessThan(workType.minHours)) hours = dec(workType.minHours);
  if (workType.maxHours != null && hours.greaterThan(workType.maxHours)) hours = dec(workType.maxHours);
  if (hours.isNegative()) hours = dec(0);

  const contractRate = entry.contractId === 'tm' ? tm.roleRates?.find((r) => r.roleId === role.id)?.hourlyRate : null;
  const rate = dec(contractRate ?? role.hourlyRate);
  const { modifier } = workType;
  let amount: Dec;
  if (modifier.kind === 'none') amount = rate.times(hours);
  else if (modifier.kind === 'add') amount = rate.plus(modifier.value).times(hours);
  else if (modifier.kind === 'multiply') amount = rate.times(modifier.value).times(hours);
  else if (modifier.kind === 'custom') amount = dec(modifier.value).times(hours);
  else amount = dec(modifier.value);
  return amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}
const partsOf = (items: PostedItemDraft[], id: string) => items.filter((i) => i.sourceItemId === id);

describe('ratePostingBatch properties', () => {
  it('is deterministic and independent of the order of the input arrays (the engine sorts)', () => {
    fc.assert(
      fc.property(
        batchInput.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.items], { minLength: input.items.length, maxLength: input.items.length }),
            fc.shuffledSubarray([...input.catalog.contracts], { minLength: 5, maxLength: 5 }),
          ),
        ),
        ([input, shuffledItems, shuffledContracts]) => {
          const reshuffled = {
            ...input,
            items: shuffledItems,
            catalog: {
              ...input.catalog,
              contracts: shuffledContracts.map((c) => ({ ...c, blockPurchases: [...(c.blockPurchases ?? [])].reverse() })),
            },
          };
          const first = ratePostingBatch(input);
          expect(ratePostingBatch(input)).toEqual(first);
          expect(ratePostingBatch(reshuffled)).toEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never takes a balance below zero, and the draws add up per purchase', () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const { items, draws } = ratePostingBatch(input);
        for (const draw of draws) {
          expectDecimal(draw.quantity, `draw of ${draw.purchaseId}`).toBeGreaterThan(0);
          expectDecimal(draw.quantity, `draw of ${draw.purchaseId}`).toBeLessThanOrEqual(draw.remainingBefore);
          expectDecimal(draw.remainingAfter, `remaining of ${draw.purchaseId} after`).toBeGreaterThanOrEqual(0);
          const byItems = sum(
            items
              .flatMap((i) => i.draws)
              .filter((d) => d.purchaseId === draw.purchaseId)
              .map((d) => money(d.quantity)),
          );
          expectDecimal(byItems, `items' draws of ${draw.purchaseId}`).toEqual(draw.quantity);
        }
        // every purchase an item draws on has its total: none left over
        const totalled = new Set(draws.map((total) => total.purchaseId));
        expect(items.flatMap((i) => i.draws).filter((d) => !totalled.has(d.purchaseId))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('posts covered parts at 0.00, and the parts of a split sum to the whole hours to bill and the whole cost', () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const { items } = ratePostingBatch(input);
        for (const item of items) {
          if (item.covered || item.noCharge) expect([item.amount, item.tax]).toEqual(['0.00', '0.00']);
          expect(item.amount).toMatch(/^-?\d+\.\d{2}$/);
        }
        for (const entry of input.items.filter((i): i is PendingLabour => i.kind === 'LABOR')) {
          const parts = partsOf(items, entry.id);
          // one part, whatever it is, or a split: the covered part, then the overage
          if (parts.length !== 1) expect(parts.map((p) => p.part)).toEqual(['COVERED', 'OVERAGE']);
          const hoursToBillOfEntry = money(parts[0].labour!.hoursToBill);
          expectDecimal(sum(parts.map((p) => money(p.quantity))), `hours of the parts of ${entry.id}`).toEqual(hoursToBillOfEntry);
          const role = roles.find((r) => r.id === entry.roleId)!;
          const wholeCost = roundMoney(money(entry.hoursWorked).times(role.hourlyCost));
          expectDecimal(sum(parts.map((p) => money(p.cost))), `cost of the parts of ${entry.id}`).toEqual(wholeCost);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('conserves money where nothing is covered: each labour item posts its rated amount, whatever else is in the batch', () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const uncovered = { ...input, items: input.items.filter((i) => i.kind === 'LABOR' && (i.contractId === null || i.contractId === 'tm')) };
        const { items } = ratePostingBatch(uncovered);
        const tm = input.catalog.contracts.find((c) => c.id === 'tm')!;
        const expectedById = Object.fromEntries(
          (uncovered.items as PendingLabour[]).map((entry) => [entry.id, ratedByHand(entry, tm, input.settings.roundUpMinutes).toFixed(2)]),
        );
        const postedById = Object.fromEntries(items.map((i) => [i.sourceItemId, i.amount]));
        expect(postedById).toEqual(expectedById);
        expect(sum(items.map((i) => money(i.amount))).toFixed(2)).toBe(sum(Object.values(expectedById).map(dec)).toFixed(2));
        expect(items.flatMap((i) => i.draws)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('conserves money on a retainer: drawn + billed = the amount rated as if there were no retainer', () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const { items } = ratePostingBatch(input);
        const withoutRetainer = ratePostingBatch({
          ...input,
          catalog: { ...input.catalog, contracts: input.catalog.contracts.map((c) => (c.id === 'ret' ? { ...c, retainerPurchases: [] } : c)) },
        });
        for (const item of input.items.filter((i) => i.contractId === 'ret')) {
          const posted = partsOf(items, item.id);
          const drawnAndBilled = sum(posted.flatMap((p) => [money(p.amount), ...p.draws.map((d) => money(d.quantity))]));
          const rated = sum(partsOf(withoutRetainer.items, item.id).map((p) => money(p.amount)));
          expectDecimal(drawnAndBilled, `drawn and billed for ${item.id}`).toEqual(rated);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws exactly min(hours needed, hours available) when every block covers every date', () => {
    const allYearBlocks = fc.array(scaled(0, 600, 2), { minLength: 1, maxLength: 3 }).map((remaining) =>
      remaining.map((r, i): BlockPurchaseBalance => ({
        id: `b${i}`,
        hours: '10',
        hourlyRate: '90',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        active: true,
        sequence: i,
        remaining: r,
      })),
    );
    const entries = fc.array(fc.record({ roleId, hoursWorked: scaled(1, 800, 2), dateWorked: date }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(allYearBlocks, entries, (blocks, rows) => {
        // remote work: no work-type multiplier; role multipliers 1 (tech), 2 (engineer), 0.5 (intern)
        const multiplier: Record<string, string> = { tech: '1', engineer: '2', intern: '0.5' };
        const items = rows.map((r, i): PendingLabour => ({ kind: 'LABOR', id: `e${i}`, contractId: 'blk', workTypeId: 'remote', ...r }));
        const { draws } = ratePostingBatch({
          items,
          catalog: { roles, workTypes, contracts: [{ id: 'blk', type: 'BLOCK_HOURS', blockPurchases: blocks }] },
          settings: { roundUpMinutes: 0, multiplyOverage: false },
          billTo: { taxExempt: true, region: null },
        });
        const needed = sum(rows.map((r) => dec(r.hoursWorked).times(multiplier[r.roleId])));
        const available = sum(blocks.map((b) => dec(b.remaining)));
        const drawn = sum(draws.map((d) => dec(d.quantity)));
        expectDecimal(drawn, `drawn (needed ${needed.toFixed()}, available ${available.toFixed()})`).toEqual(needed.lessThan(available) ? needed : available);
      }),
      { numRuns: 300 },
    );
  });
});
