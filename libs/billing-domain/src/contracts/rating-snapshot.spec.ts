import { deciderSpec } from '../testing/decider-spec';
import { contractTerms } from '../testing/fixtures';
import { contractDecider } from './contract.decider';
import type { ContractEvent, ContractTerms, ExistingContract } from './contract.events';
import { ratingSnapshotOf } from './rating-snapshot';

/** The contract `c1` of `acme`: T&M for 2026 unless a case says otherwise. */
const terms = (overrides: Partial<ContractTerms> = {}) => contractTerms({ contractId: 'c1', name: 'Acme', ...overrides });
const at = '2026-01-01T09:00:00.000Z';

/** The contract the events fold to, as the handler would load it. */
function contractAfter(history: ContractEvent[]): ExistingContract {
  const state = deciderSpec(contractDecider).given(history).state();
  if (state.status !== 'exists') throw new Error('the history creates no contract');
  return state;
}
const byRole = <T extends { roleId: string }>(rows: readonly T[] | undefined) => [...(rows ?? [])].sort((a, b) => a.roleId.localeCompare(b.roleId));

describe('ratingSnapshotOf (a contract as the rating engine reads it, billing-rules §3, §5, §6)', () => {
  it('given a T&M contract with role rates, then its rates by role, no multipliers, no purchases', () => {
    const snapshot = ratingSnapshotOf(contractAfter([{ type: 'ContractCreated', data: terms({ roleRates: [{ roleId: 'engineer', hourlyRate: '150' }] }) }]));
    expect(snapshot).toEqual({
      id: 'c1',
      type: 'TIME_AND_MATERIALS',
      overageRate: null,
      roleRates: [{ roleId: 'engineer', hourlyRate: '150', blockHourMultiplier: null }],
      blockPurchases: [],
      retainerPurchases: [],
      ticketPurchases: [],
    });
  });

  it('given a Block Hours contract, then role rates and block multipliers merged into one row per role', () => {
    // engineer: rate and multiplier; tech: rate only; architect: multiplier only
    const contract = contractAfter([
      {
        type: 'ContractCreated',
        data: terms({
          type: 'BLOCK_HOURS',
          overageRate: '140',
          roleRates: [
            { roleId: 'engineer', hourlyRate: '120' },
            { roleId: 'tech', hourlyRate: '90' },
          ],
          blockHourMultipliers: [
            { roleId: 'architect', multiplier: '1.5' },
            { roleId: 'engineer', multiplier: '2' },
          ],
        }),
      },
    ]);
    const snapshot = ratingSnapshotOf(contract);
    expect(snapshot.overageRate).toBe('140');
    expect(byRole(snapshot.roleRates)).toEqual([
      { roleId: 'architect', hourlyRate: null, blockHourMultiplier: '1.5' },
      { roleId: 'engineer', hourlyRate: '120', blockHourMultiplier: '2' },
      { roleId: 'tech', hourlyRate: '90', blockHourMultiplier: null },
    ]);
  });

  it('given block purchases, then each at its full size (remaining = hours), active, with its sequence', () => {
    const contract = contractAfter([
      { type: 'ContractCreated', data: terms({ type: 'BLOCK_HOURS' }) },
      {
        type: 'BlockPurchased',
        data: {
          contractId: 'c1',
          purchaseId: 'b1',
          sequence: 1,
          startDate: '2026-03-01',
          endDate: '2026-06-30',
          hours: '10',
          hourlyRate: '100',
          purchasedAt: at,
          billingCodeId: null,
        },
      },
      // bought later, but starting earlier: the sequence stays the purchase order
      {
        type: 'BlockPurchased',
        data: {
          contractId: 'c1',
          purchaseId: 'b2',
          sequence: 2,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          hours: '7.5',
          hourlyRate: '95',
          purchasedAt: at,
          billingCodeId: null,
        },
      },
    ]);
    const snapshot = ratingSnapshotOf(contract);
    expect(snapshot.blockPurchases).toEqual([
      { id: 'b1', hours: '10', hourlyRate: '100', remaining: '10', startDate: '2026-03-01', endDate: '2026-06-30', sequence: 1, active: true },
      { id: 'b2', hours: '7.5', hourlyRate: '95', remaining: '7.5', startDate: '2026-01-01', endDate: '2026-12-31', sequence: 2, active: true },
    ]);
    expect([snapshot.retainerPurchases, snapshot.ticketPurchases]).toEqual([[], []]);
  });

  it('given retainer purchases, then each at its full amount (remaining = amount), active, with its sequence', () => {
    const contract = contractAfter([
      { type: 'ContractCreated', data: terms({ type: 'RETAINER', roleRates: [{ roleId: 'senior', hourlyRate: '140' }] }) },
      {
        type: 'RetainerPurchased',
        data: {
          contractId: 'c1',
          purchaseId: 'r1',
          sequence: 1,
          startDate: '2026-01-01',
          endDate: '2026-06-30',
          amount: '5000',
          purchasedAt: at,
          billingCodeId: null,
        },
      },
      {
        type: 'RetainerPurchased',
        data: {
          contractId: 'c1',
          purchaseId: 'r2',
          sequence: 2,
          startDate: '2026-07-01',
          endDate: '2026-12-31',
          amount: '2500.5',
          purchasedAt: at,
          billingCodeId: null,
        },
      },
    ]);
    expect(ratingSnapshotOf(contract)).toEqual({
      id: 'c1',
      type: 'RETAINER',
      overageRate: null,
      roleRates: [{ roleId: 'senior', hourlyRate: '140', blockHourMultiplier: null }],
      blockPurchases: [],
      retainerPurchases: [
        { id: 'r1', amount: '5000', remaining: '5000', startDate: '2026-01-01', endDate: '2026-06-30', sequence: 1, active: true },
        { id: 'r2', amount: '2500.5', remaining: '2500.5', startDate: '2026-07-01', endDate: '2026-12-31', sequence: 2, active: true },
      ],
      ticketPurchases: [],
    });
  });

  it('given ticket purchases, then each with all its tickets remaining, active, with its sequence, and the overage rate per ticket', () => {
    const contract = contractAfter([
      { type: 'ContractCreated', data: terms({ type: 'PER_TICKET', overageRate: '60' }) },
      {
        type: 'TicketsPurchased',
        data: {
          contractId: 'c1',
          purchaseId: 't1',
          sequence: 1,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          tickets: 20,
          perTicketRate: '45',
          purchasedAt: at,
          billingCodeId: null,
        },
      },
    ]);
    expect(ratingSnapshotOf(contract)).toEqual({
      id: 'c1',
      type: 'PER_TICKET',
      overageRate: '60',
      roleRates: [],
      blockPurchases: [],
      retainerPurchases: [],
      ticketPurchases: [
        { id: 't1', tickets: 20, perTicketRate: '45', remaining: 20, startDate: '2026-01-01', endDate: '2026-12-31', sequence: 1, active: true },
      ],
    });
  });
});
