import type { SourceType } from '../ledger/ledger.events';
import type { DomainEvent } from '../shared/decider';
import { deciderSpec, notFound } from '../testing/decider-spec';
import type { ChargeData } from './charge.events';
import { EDITABLE_SOURCES, editableSource, isEditableSource, type EditableSourceType, type PostableSource } from './editable-sources';
import type { ExpenseData } from './expense.events';
import type { ItemApprovedData } from './item-approval';
import type { TimeEntryData } from './time-entry.events';

const entry = (overrides: Partial<TimeEntryData> = {}): TimeEntryData => ({
  timeEntryId: 'i1',
  accountId: 'acme',
  resourceId: 'ann',
  roleId: 'engineer',
  workTypeId: 'onsite',
  dateWorked: '2026-11-02',
  startTime: '2026-11-02T09:00:00Z',
  hoursWorked: '1.5',
  offsetHours: '0.25',
  ticketId: 'T-9',
  summary: 'printer',
  requestedContractId: null,
  contractId: 'blk',
  routing: ['rec', 'blk'],
  hoursToBill: '1.75',
  ...overrides,
});
const charge = (overrides: Partial<ChargeData> = {}): ChargeData => ({
  chargeId: 'i1',
  accountId: 'acme',
  contractId: 'tm',
  billingCodeId: 'hw',
  name: 'Router',
  date: '2026-11-03',
  quantity: '2',
  unitPrice: '149.99',
  unitCost: '90',
  billable: true,
  purchaseOrderNumber: 'PO-9',
  resourceId: null,
  ...overrides,
});
const expense = (overrides: Partial<ExpenseData> = {}): ExpenseData => ({
  expenseId: 'i1',
  accountId: 'acme',
  contractId: null,
  category: 'Mileage',
  date: '2026-11-04',
  amount: '42.30',
  billable: false,
  description: 'Leeds and back',
  resourceId: null,
  billingCodeId: null,
  ...overrides,
});

/** The event that creates an item of each type, id i1. */
const CREATED: Record<EditableSourceType, DomainEvent> = {
  TIME_ENTRY: { type: 'TimeEntryLogged', data: entry() },
  CHARGE: { type: 'ChargeRecorded', data: charge() },
  EXPENSE: { type: 'ExpenseRecorded', data: expense() },
};
const TYPES = Object.keys(CREATED) as EditableSourceType[];

const approval: ItemApprovedData = { itemId: 'i1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: {}, approvedBy: 'k' };
const approved: DomainEvent = { type: 'ItemApproved', data: approval };
const release = { itemId: 'i1', reason: 'unposted', billingItemIds: ['bi-i1-1'] };

describe('editable sources (the items technicians edit until Approve & Post approves them)', () => {
  it('holds time entries, charges and expenses, and only those', () => {
    expect(Object.keys(EDITABLE_SOURCES).sort()).toEqual(['CHARGE', 'EXPENSE', 'TIME_ENTRY']);
  });

  it.each<[SourceType, boolean]>([
    ['TIME_ENTRY', true],
    ['CHARGE', true],
    ['EXPENSE', true],
    ['BLOCK_PURCHASE', false],
    ['RETAINER_PURCHASE', false],
    ['TICKET_PURCHASE', false],
    ['TICKET', false],
  ])('given the source type %s, then isEditableSource is %p', (sourceType, editable) => {
    expect(isEditableSource(sourceType)).toBe(editable);
  });

  it.each<[EditableSourceType, string, string]>([
    ['TIME_ENTRY', 'time entry', 'timeEntry-i1'],
    ['CHARGE', 'charge', 'charge-i1'],
    ['EXPENSE', 'expense', 'expense-i1'],
  ])('given %s, then its noun is "%s" and its stream %s', (sourceType, noun, stream) => {
    expect(EDITABLE_SOURCES[sourceType].noun).toBe(noun);
    expect(EDITABLE_SOURCES[sourceType].stream('i1')).toBe(stream);
    expect(editableSource(sourceType)).toBe(EDITABLE_SOURCES[sourceType]);
  });

  describe.each(TYPES)('%s: its decider approves and releases it', (sourceType) => {
    const source = editableSource(sourceType);
    const items = deciderSpec(source.decider);

    it('given no item, then approving or releasing it is 404', () => {
      items.given([]).when({ type: 'ApproveItem', approval }).then(notFound(source.noun, 'i1'));
      items.given([]).when({ type: 'ReleaseItem', release }).then(notFound(source.noun, 'i1'));
    });

    it('given the item, then it is approved; given it approved, then it is released', () => {
      items.given([CREATED[sourceType]]).when({ type: 'ApproveItem', approval }).then([approved]);
      items
        .given([CREATED[sourceType], approved])
        .when({ type: 'ReleaseItem', release })
        .then([{ type: 'ItemReleased', data: release }]);
    });

    it('given no item, then there is nothing to post', () => {
      expect(source.postable(items.given([]).state())).toBeUndefined();
    });

    it('given the item approved, then posting sees its approval; released, pending again', () => {
      expect(source.postable(items.given([CREATED[sourceType], approved]).state())?.approval).toEqual({ status: 'approved', approval });
      expect(source.postable(items.given([CREATED[sourceType], approved, { type: 'ItemReleased', data: release }]).state())?.approval).toEqual({
        status: 'pending',
      });
    });
  });

  describe('what posting reads of an existing item', () => {
    const postable = (sourceType: EditableSourceType, created: DomainEvent): PostableSource | undefined => {
      const source = editableSource(sourceType);
      return source.postable(deciderSpec(source.decider).given([created]).state());
    };

    it('given a time entry, then its labour as routed, its summary, and who did the work', () => {
      expect(postable('TIME_ENTRY', CREATED.TIME_ENTRY)).toEqual({
        pending: {
          kind: 'LABOR',
          id: 'i1',
          contractId: 'blk',
          dateWorked: '2026-11-02',
          startTime: '2026-11-02T09:00:00Z',
          roleId: 'engineer',
          workTypeId: 'onsite',
          hoursWorked: '1.5',
          offsetHours: '0.25',
        },
        accountId: 'acme',
        contractId: 'blk',
        purchaseOrderNumber: null,
        description: 'printer',
        billingCodeId: null,
        resourceId: 'ann',
        routing: ['rec', 'blk'],
        approval: { status: 'pending' },
      });
    });

    it('given a time entry without a summary, then it is described as the labour of its day', () => {
      expect(postable('TIME_ENTRY', { type: 'TimeEntryLogged', data: entry({ summary: null }) })?.description).toBe('Labour, 2026-11-02');
    });

    it('given a charge, then its quantity and prices, its own purchase order number and its billing code', () => {
      expect(postable('CHARGE', CREATED.CHARGE)).toEqual({
        pending: {
          kind: 'CHARGE',
          id: 'i1',
          contractId: 'tm',
          itemDate: '2026-11-03',
          quantity: '2',
          unitPrice: '149.99',
          unitCost: '90',
          billable: true,
          taxCategoryId: null,
        },
        accountId: 'acme',
        contractId: 'tm',
        purchaseOrderNumber: 'PO-9',
        description: 'Router',
        billingCodeId: 'hw',
        resourceId: null,
        routing: null,
        approval: { status: 'pending' },
      });
    });

    it('given an expense, then its amount, described by category and description', () => {
      expect(postable('EXPENSE', CREATED.EXPENSE)).toEqual({
        pending: { kind: 'EXPENSE', id: 'i1', contractId: null, itemDate: '2026-11-04', amount: '42.30', billable: false, taxCategoryId: null },
        accountId: 'acme',
        contractId: null,
        purchaseOrderNumber: null,
        description: 'Mileage: Leeds and back',
        billingCodeId: null,
        resourceId: null,
        routing: null,
        approval: { status: 'pending' },
      });
    });

    it('given an expense without a description, then it is described by its category', () => {
      expect(postable('EXPENSE', { type: 'ExpenseRecorded', data: expense({ description: null }) })?.description).toBe('Mileage');
    });
  });
});
