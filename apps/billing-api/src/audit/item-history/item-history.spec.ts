import type { BillingItemData, DomainEvent } from '@billing/domain';
import { postedItem } from '@billing/domain/testing/fixtures';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '@billing/projections/testing/invoice-fixtures';
import { timeEntry } from '@billing/projections/testing/billing-fixtures';
import { recordedEvents } from '../as-of/recorded-events.spec-helper';
import { itemHistorySteps, type CatalogAtPosting } from './item-history';

// te-1: logged 8 h, revised to 11 h, approved with 12 hours to bill, posted on the block contract
// (10 h covered, 2 h overage at $140 = $280.00), invoiced with ch-9, issued, voided with unpost
const labour = (part: 'COVERED' | 'OVERAGE', overrides: Partial<BillingItemData>) =>
  postedItem({
    sourceItemId: 'te-1',
    sourceType: 'TIME_ENTRY',
    contractId: 'blk',
    part,
    labour: { roleId: 'engineer', workTypeId: 'onsite', hoursWorked: '11', hoursToBill: '12', rateSource: part === 'OVERAGE' ? 'CONTRACT_OVERAGE_RATE' : null },
    original: { hoursToBill: '11' },
    overrides: { hoursToBill: '12' },
    ...overrides,
  });
const covered = labour('COVERED', {
  billingItemId: 'bi-te-1-1',
  type: 'LABOR',
  quantity: '10',
  rate: '0',
  amount: '0.00',
  covered: true,
  draws: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
});
const overage = labour('OVERAGE', { billingItemId: 'bi-te-1-2', type: 'LABOR_OVERAGE', quantity: '2', rate: '140', amount: '280.00' });
const other = postedItem({ billingItemId: 'bi-ch-9-1', sourceItemId: 'ch-9', amount: '9.00' });
const entry = timeEntry({ timeEntryId: 'te-1', workTypeId: 'onsite', hoursWorked: '8', hoursToBill: '8', contractId: 'blk' });

const onStream = (streamId: string, event: DomainEvent, reason?: string) => ({ streamId, event, reason });
const events = recordedEvents([
  onStream('timeEntry-te-1', { type: 'TimeEntryLogged', data: entry }),
  onStream('timeEntry-te-1', {
    type: 'TimeEntryRevised',
    data: { ...entry, hoursWorked: '11', hoursToBill: '11', changedFields: ['hoursWorked', 'hoursToBill'] },
  }),
  onStream('timeEntry-te-1', {
    type: 'ItemApproved',
    data: { itemId: 'te-1', ledgerAccountId: 'acme', postedDate: '2026-11-21', overrides: { hoursToBill: '12' }, approvedBy: 'key-fin', postingsBefore: 0 },
  }),
  onStream('ledger-acme', { type: 'ItemPosted', data: covered }),
  onStream('ledger-acme', { type: 'ItemPosted', data: overage }),
  onStream('ledger-acme', invoiceGenerated('inv-1', [covered, overage, other])),
  onStream('ledger-acme', invoiceIssued('inv-1', 1)),
  onStream('ledger-acme', invoiceVoided('inv-1', 1, ['bi-te-1-1', 'bi-te-1-2', 'bi-ch-9-1'], true), 'wrong block'),
  onStream('ledger-acme', {
    type: 'ItemUnposted',
    data: {
      sourceItemId: 'te-1',
      sourceType: 'TIME_ENTRY',
      billingItemIds: ['bi-te-1-1', 'bi-te-1-2'],
      returned: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
      reason: 'wrong block',
    },
  }),
]);

describe("an item's history", () => {
  it('lists every step in global order, whatever order its streams were read in', () => {
    // given: the ledger's events read before the entry's own
    const shuffled = [...events.slice(3), ...events.slice(0, 3)];
    // when
    const steps = itemHistorySteps('te-1', shuffled);
    // then
    expect(steps.map((s) => [s.step, s.position])).toEqual([
      ['LOGGED', '1'],
      ['REVISED', '2'],
      ['APPROVED', '3'],
      ['POSTED', '4'],
      ['POSTED', '5'],
      ['INVOICED', '6'],
      ['INVOICE_ISSUED', '7'],
      ['INVOICE_VOIDED', '8'],
      ['UNPOSTED', '9'],
    ]);
  });

  it('says who, when and why at each step, and shows the event as published', () => {
    const [logged, , , , , , , voided, unposted] = itemHistorySteps('te-1', events);
    expect(logged).toMatchObject({
      actor: 'key-fin',
      actorRole: 'finance',
      occurredAt: '2026-11-20T09:00:00.000Z',
      recordedAt: '2026-11-20T09:00:00.000Z',
      reason: null,
      streamId: 'timeEntry-te-1',
      revision: '0',
      publishedEvent: { type: 'TimeEntryLogged', position: '1', streamId: 'timeEntry-te-1', category: 'timeEntry', data: entry },
    });
    // the reason a person gave: in the metadata, else in the event (an unpost's)
    expect(voided).toMatchObject({ reason: 'wrong block', details: { invoiceId: 'inv-1', number: 'INV-000001', unpost: true } });
    expect(unposted).toMatchObject({ reason: 'wrong block', details: { billingItemIds: ['bi-te-1-1', 'bi-te-1-2'] } });
  });

  it('a revision shows each changed field from what it was to what it became', () => {
    const revised = itemHistorySteps('te-1', events)[1];
    expect(revised.details).toEqual({ changes: { hoursWorked: { from: '8', to: '11' }, hoursToBill: { from: '8', to: '11' } } });
  });

  it('the approval shows the overrides and the values they replaced', () => {
    const approved = itemHistorySteps('te-1', events)[2];
    expect(approved.details).toEqual({
      ledgerAccountId: 'acme',
      postedDate: '2026-11-21',
      approvedBy: 'key-fin',
      overrides: { hoursToBill: '12' },
      // the entry's hours to bill when it was approved: 11, after its revision
      original: { hoursToBill: '11' },
    });
  });

  it('a posting shows the rate, where it came from and the rates it was rated from, the balances drawn and whether it is overage', () => {
    // given: the catalog as it stood when te-1 posted
    const catalog: CatalogAtPosting = { roleHourlyRate: '120', contractRoleRate: null, contractOverageRate: '140', workTypeModifier: { type: 'none' } };
    // when
    const [, , , coveredStep, overageStep] = itemHistorySteps('te-1', events, new Map([['bi-te-1-2', catalog]]));
    // then
    expect(coveredStep.details).toMatchObject({
      billingItemId: 'bi-te-1-1',
      part: 'COVERED',
      quantity: '10',
      amount: '0.00',
      covered: true,
      overage: false,
      draws: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
      original: { hoursToBill: '11' },
      ratedFrom: null,
    });
    expect(overageStep.details).toMatchObject({
      billingItemId: 'bi-te-1-2',
      type: 'LABOR_OVERAGE',
      part: 'OVERAGE',
      quantity: '2',
      rate: '140',
      rateSource: 'CONTRACT_OVERAGE_RATE',
      amount: '280.00',
      overage: true,
      hoursWorked: '11',
      hoursToBill: '12',
      ratedFrom: catalog,
    });
  });

  it("an invoice shows the item's own lines, not the other items'", () => {
    const invoiced = itemHistorySteps('te-1', events)[5];
    expect(invoiced.details).toMatchObject({ invoiceId: 'inv-1', billingItemIds: ['bi-te-1-1', 'bi-te-1-2'], invoiceTotal: '289.00' });
    expect((invoiced.details.lines as { billingItemId: string }[]).map((l) => l.billingItemId)).toEqual(['bi-te-1-1', 'bi-te-1-2']);
  });
});
