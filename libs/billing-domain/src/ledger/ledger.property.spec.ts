import fc from 'fast-check';
import { replay } from '../shared/decider';
import { dec, sum } from '../shared/decimal';
import { inPostingOrder } from '../rating/rate-posting-batch';
import type { PendingLabour, PostingBatchInput } from '../rating/rating-inputs';
import { expectDecimal } from '../testing/decimal-expect';
import { ledgerDecider, type PostItems } from './ledger.decider';
import type { LedgerEvent, LedgerState } from './ledger.events';

/**
 * Invariants of the ledger over random entries, postings and unposts (architecture.md, "Testing"):
 * money is conserved however a posting is split into batches, no purchase is ever drawn below
 * zero or past its size, and unposting then reposting gives the same ledger.
 */
const catalog: PostingBatchInput['catalog'] = {
  roles: [
    { id: 'tech', hourlyRate: '85', hourlyCost: '30', blockHourMultiplier: '1' },
    { id: 'senior', hourlyRate: '150', hourlyCost: '70', blockHourMultiplier: '2' },
  ],
  workTypes: [
    { id: 'remote', billable: true, modifier: { kind: 'none' } },
    { id: 'ooh', billable: true, modifier: { kind: 'multiply', value: '1.5' } },
    { id: 'internal', billable: false, modifier: { kind: 'none' } },
  ],
  contracts: [
    { id: 'tm', type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'tech', hourlyRate: '80' }] },
    {
      id: 'blk',
      type: 'BLOCK_HOURS',
      overageRate: '120',
      blockPurchases: [
        { id: 'b1', hours: '6', hourlyRate: '75', startDate: '2026-11-01', endDate: '2026-11-15', active: true, sequence: 1, remaining: '6' },
        { id: 'b2', hours: '10', hourlyRate: '75', startDate: '2026-11-01', endDate: '2026-11-30', active: true, sequence: 2, remaining: '10' },
      ],
    },
    {
      id: 'ret',
      type: 'RETAINER',
      roleRates: [{ roleId: 'senior', hourlyRate: '140' }],
      retainerPurchases: [{ id: 'r1', amount: '900', startDate: '2026-11-01', endDate: '2026-11-30', active: true, sequence: 1, remaining: '900' }],
    },
  ],
};
const SIZES: Record<string, string> = { b1: '6', b2: '10', r1: '900' };

const entry = fc.record({
  contractId: fc.constantFrom('tm', 'blk', 'ret', null),
  roleId: fc.constantFrom('tech', 'senior'),
  workTypeId: fc.constantFrom('remote', 'ooh', 'internal'),
  day: fc.integer({ min: 1, max: 30 }),
  quarters: fc.integer({ min: 1, max: 40 }), // 0.25 h to 10 h
});
const entries = fc.array(entry, { minLength: 1, maxLength: 12 }).map((rows) =>
  rows.map((r, i): PendingLabour => ({
    kind: 'LABOR',
    id: `te${String(i).padStart(2, '0')}`,
    contractId: r.contractId,
    dateWorked: `2026-11-${String(r.day).padStart(2, '0')}`,
    roleId: r.roleId,
    workTypeId: r.workTypeId,
    hoursWorked: dec(r.quarters).dividedBy(4).toFixed(),
  })),
);

const postCommand = (items: PendingLabour[]): PostItems => ({
  type: 'PostItems',
  postingId: 'p',
  billToAccountId: 'acme',
  items: items.map((pending) => ({
    pending,
    source: { sourceType: 'TIME_ENTRY', accountId: 'acme', purchaseOrderNumber: null, description: '', approvedBy: 'k', postedDate: '2026-11-30' },
  })),
  catalog,
  settings: { roundUpMinutes: 0, multiplyOverage: false },
  overrides: {},
  billTo: { taxExempt: false, region: null },
});

function decideAndFold(state: LedgerState, events: LedgerEvent[], command: Parameters<typeof ledgerDecider.decide>[0]): LedgerEvent[] {
  const decided = ledgerDecider.decide(command, state);
  for (const e of decided) ledgerDecider.evolve(state, e);
  events.push(...decided);
  return decided;
}

/** Amounts and draws per source item, without the billing item ids (which never repeat). */
function money(state: LedgerState) {
  return [...state.postedBySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, ids]) => ({
      source,
      parts: ids.map((id) => state.items.get(id)!.data).map(({ type, quantity, amount, draws }) => ({ type, quantity, amount, draws })),
    }));
}

function assertBalances(state: LedgerState): void {
  for (const [purchaseId, drawn] of state.drawn) {
    expectDecimal(drawn, `drawn of ${purchaseId}`).toBeGreaterThanOrEqual(0);
    expectDecimal(drawn, `drawn of ${purchaseId}`).toBeLessThanOrEqual(SIZES[purchaseId]);
  }
}

describe('ledger invariants (fast-check)', () => {
  it('money is conserved: one batch, or the same items posted one by one in posting order, post the same amounts and draws', () => {
    fc.assert(
      fc.property(entries, (items) => {
        const together = replay(ledgerDecider, ledgerDecider.decide(postCommand(items), ledgerDecider.initialState()));
        const oneByOne = ledgerDecider.initialState();
        for (const item of inPostingOrder(items)) decideAndFold(oneByOne, [], postCommand([item as PendingLabour]));
        expect(money(oneByOne)).toEqual(money(together));
        const total = (s: LedgerState) => sum([...s.items.values()].map((i) => dec(i.data.amount))).toFixed(2);
        expect(total(oneByOne)).toBe(total(together));
      }),
      { numRuns: 200 },
    );
  });

  it('no purchase is drawn below zero or beyond its size, whatever is posted and unposted in whatever order', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('post' as const), picks: fc.array(fc.nat(11), { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('unpost' as const), pick: fc.nat(11) }),
    );
    fc.assert(
      fc.property(entries, fc.array(step, { maxLength: 15 }), (items, steps) => {
        const state = ledgerDecider.initialState();
        for (const s of steps) {
          if (s.kind === 'post') {
            const chosen = [...new Set(s.picks.map((p) => items[p % items.length]))];
            decideAndFold(state, [], postCommand(chosen));
          } else {
            const ids = state.postedBySource.get(items[s.pick % items.length].id);
            if (ids) decideAndFold(state, [], { type: 'UnpostItem', billingItemId: ids[ids.length - 1], reason: 'property' });
          }
          assertBalances(state);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('unposting everything and reposting it gives the same ledger (amounts and draws); the history keeps both', () => {
    fc.assert(
      fc.property(entries, (items) => {
        const events: LedgerEvent[] = [];
        const state = ledgerDecider.initialState();
        decideAndFold(state, events, postCommand(items));
        const first = money(state);
        const drawn = Object.fromEntries([...state.drawn].map(([k, v]) => [k, v.toFixed()]));
        for (const item of items) {
          const ids = state.postedBySource.get(item.id);
          if (ids) decideAndFold(state, events, { type: 'UnpostItem', billingItemId: ids[0], reason: 'redo' });
        }
        // every purchase is back to nothing drawn: list those that are not, with what they still show
        expect([...state.drawn].filter(([, d]) => !d.isZero()).map(([id, d]) => `${id}: ${d.toFixed()}`)).toEqual([]);
        decideAndFold(state, events, postCommand(items));
        expect(money(state)).toEqual(first);
        expect(Object.fromEntries([...state.drawn].map(([k, v]) => [k, v.toFixed()]))).toEqual(drawn);
        // replaying the events gives the same state
        expect(money(replay(ledgerDecider, events))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
