import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { replay } from '../shared/decider';
import { routeTimeEntry } from '../rating/routing';
import {
  contractDecider,
  contractStream,
  type ContractCommand,
  type ContractEvent,
  type ContractReferences,
  type ContractTerms,
  type NewContractTerms,
  type PurchaseBlock,
} from './contract.decider';
import { toRoutingContract } from './routing-contract';

const newTerms = (overrides: Partial<NewContractTerms> = {}): NewContractTerms => ({
  contractId: 'tm',
  accountId: 'acme',
  name: 'Acme T&M',
  type: 'TIME_AND_MATERIALS',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  purchaseOrderNumber: null,
  isDefault: false,
  exclusionSetId: null,
  excludedWorkTypeIds: [],
  excludedRoleIds: [],
  exclusionContractId: null,
  billToAccountId: null,
  roleRates: [],
  overageRate: null,
  blockHourMultipliers: [],
  periodType: null,
  setupFee: null,
  ...overrides,
});

const created = (overrides: Partial<NewContractTerms> = {}): ContractTerms => ({ ...newTerms(overrides), status: 'ACTIVE' });

const references = (overrides: Partial<ContractReferences> = {}): ContractReferences => ({
  accounts: { acme: { parentAccountId: 'group' }, group: { parentAccountId: null }, other: { parentAccountId: null } },
  roleIds: ['engineer', 'architect'],
  workTypeIds: ['remote', 'onsite'],
  exclusionSetIds: ['gold'],
  billingCodeIds: ['svc'],
  contracts: {},
  ...overrides,
});

function given(events: ContractEvent[]) {
  return replay(contractDecider, events);
}

function when(events: ContractEvent[], command: ContractCommand): ContractEvent[] {
  return contractDecider.decide(command, given(events));
}

/** The error a decision throws (fails the test when it throws nothing). */
function refusal(events: ContractEvent[], command: ContractCommand): Error {
  try {
    when(events, command);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

const create = (overrides: Partial<NewContractTerms> = {}, refs: ContractReferences = references()): ContractCommand => ({
  type: 'CreateContract',
  terms: newTerms(overrides),
  references: refs,
});

const createdEvent = (overrides: Partial<NewContractTerms> = {}): ContractEvent => ({ type: 'ContractCreated', data: created(overrides) });

describe('contract decider', () => {
  it('names its stream contract-{id}', () => {
    expect(contractStream('c1')).toBe('contract-c1');
  });

  describe('create', () => {
    it('creates an ACTIVE contract with its terms, decimals in canonical form', () => {
      const events = when([], create({ roleRates: [{ roleId: 'engineer', hourlyRate: '150.00' }], setupFee: '500.50' }));
      expect(events).toEqual([createdEvent({ roleRates: [{ roleId: 'engineer', hourlyRate: '150' }], setupFee: '500.5' })]);
      expect(given(events)).toMatchObject({ status: 'exists', terms: { status: 'ACTIVE' }, purchases: [], services: [] });
    });

    it('creates each type with the fields it takes', () => {
      const cases: Partial<NewContractTerms>[] = [
        { type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: '150' }] },
        {
          type: 'BLOCK_HOURS',
          roleRates: [{ roleId: 'engineer', hourlyRate: '120' }],
          overageRate: '140',
          blockHourMultipliers: [{ roleId: 'architect', multiplier: '1.5' }],
        },
        { type: 'RETAINER', roleRates: [{ roleId: 'engineer', hourlyRate: '100' }] },
        { type: 'PER_TICKET', overageRate: '45' },
        { type: 'RECURRING_SERVICE', periodType: 'QUARTERLY', setupFee: '250' },
        { type: 'FIXED_PRICE', roleRates: [{ roleId: 'architect', hourlyRate: '200' }] },
      ];
      for (const terms of cases) expect(when([], create(terms))).toEqual([createdEvent(terms)]);
    });

    it('the same create again decides nothing, however its decimals and lists are written', () => {
      const history = [createdEvent({ excludedRoleIds: ['engineer', 'architect'], roleRates: [{ roleId: 'engineer', hourlyRate: '150' }] })];
      expect(when(history, create({ excludedRoleIds: ['architect', 'engineer'], roleRates: [{ roleId: 'engineer', hourlyRate: '150.0' }] }))).toEqual([]);
    });

    it('the same id with other terms is a conflict, even when only later changes differ', () => {
      const history = [createdEvent()];
      expect(refusal(history, create({ name: 'Other' }))).toBeInstanceOf(Conflict);
      // A repeated create compares with the terms as created, not as changed since.
      const changed: ContractEvent[] = [...history, { type: 'ContractTermsChanged', data: { contractId: 'tm', endDate: '2027-12-31' } }];
      expect(when(changed, create())).toEqual([]);
    });

    it('the end date must be after the start date and at most 20 years later', () => {
      expect(refusal([], create({ endDate: '2026-01-01' }))).toMatchObject({ rule: 'contract-dates' });
      expect(refusal([], create({ endDate: '2025-12-31' }))).toMatchObject({ rule: 'contract-dates' });
      expect(when([], create({ endDate: '2046-01-01' }))).toHaveLength(1);
      expect(refusal([], create({ endDate: '2046-01-02' }))).toMatchObject({ rule: 'contract-length' });
    });

    it('refuses a field of another type, naming the field and the types that take it', () => {
      const cases: [Partial<NewContractTerms>, string, string][] = [
        [{ type: 'PER_TICKET', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] }, 'roleRates', 'TIME_AND_MATERIALS, BLOCK_HOURS, RETAINER and FIXED_PRICE'],
        [{ type: 'RECURRING_SERVICE', periodType: 'MONTHLY', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] }, 'roleRates', 'FIXED_PRICE'],
        [{ type: 'TIME_AND_MATERIALS', overageRate: '1' }, 'overageRate', 'BLOCK_HOURS and PER_TICKET'],
        [{ type: 'RETAINER', overageRate: '1' }, 'overageRate', 'BLOCK_HOURS and PER_TICKET'],
        [{ type: 'TIME_AND_MATERIALS', blockHourMultipliers: [{ roleId: 'engineer', multiplier: '2' }] }, 'blockHourMultipliers', 'BLOCK_HOURS'],
        [{ type: 'FIXED_PRICE', periodType: 'YEARLY' }, 'periodType', 'RECURRING_SERVICE'],
      ];
      for (const [terms, field, takers] of cases) {
        const error = refusal([], create(terms));
        expect(error).toBeInstanceOf(RuleViolation);
        expect(error).toMatchObject({ rule: 'field-not-for-contract-type' });
        expect(error.message).toContain(field);
        expect(error.message).toContain(takers);
      }
    });

    it('a Recurring Service contract needs its period type', () => {
      expect(refusal([], create({ type: 'RECURRING_SERVICE' }))).toMatchObject({ rule: 'field-required-for-contract-type' });
    });

    it('refuses negative amounts, more than 4 places and a role named twice', () => {
      expect(refusal([], create({ setupFee: '-1' }))).toMatchObject({ rule: 'invalid-decimal' });
      expect(refusal([], create({ roleRates: [{ roleId: 'engineer', hourlyRate: '1.23456' }] }))).toMatchObject({ rule: 'invalid-decimal' });
      expect(
        refusal(
          [],
          create({
            roleRates: [
              { roleId: 'engineer', hourlyRate: '1' },
              { roleId: 'engineer', hourlyRate: '2' },
            ],
          }),
        ),
      ).toMatchObject({ rule: 'duplicate-role' });
    });

    it('every id it names must exist (404 naming the id)', () => {
      const cases: [Partial<NewContractTerms>, string][] = [
        [{ accountId: 'nobody' }, 'account nobody does not exist'],
        [{ billToAccountId: 'nobody' }, 'bill-to account nobody does not exist'],
        [{ exclusionSetId: 'platinum' }, 'exclusion set platinum does not exist'],
        [{ excludedWorkTypeIds: ['remote', 'travel'] }, 'work type travel does not exist'],
        [{ excludedRoleIds: ['intern'] }, 'role intern does not exist'],
        [{ roleRates: [{ roleId: 'intern', hourlyRate: '1' }] }, 'role intern does not exist'],
        [{ type: 'BLOCK_HOURS', blockHourMultipliers: [{ roleId: 'intern', multiplier: '1' }] }, 'role intern does not exist'],
        [{ exclusionContractId: 'ghost' }, 'exclusion contract ghost does not exist'],
      ];
      for (const [terms, message] of cases) {
        const error = refusal([], create(terms));
        expect(error).toBeInstanceOf(NotFound);
        expect(error.message).toBe(message);
      }
    });

    it('the exclusion contract belongs to the same account or its parent', () => {
      const refs = (accountId: string) => references({ contracts: { blk: created({ contractId: 'blk', accountId }) } });
      expect(when([], create({ exclusionContractId: 'blk' }, refs('acme')))).toHaveLength(1);
      expect(when([], create({ exclusionContractId: 'blk' }, refs('group')))).toHaveLength(1);
      expect(refusal([], create({ exclusionContractId: 'blk' }, refs('other')))).toMatchObject({ rule: 'exclusion-contract-account' });
    });

    it('a contract cannot be its own exclusion contract', () => {
      expect(refusal([], create({ exclusionContractId: 'tm' }))).toMatchObject({ rule: 'exclusion-cycle', message: expect.stringContaining('tm → tm') });
    });
  });

  describe('change terms', () => {
    const change = (changes: Extract<ContractCommand, { type: 'ChangeContractTerms' }>['changes'], refs = references()): ContractCommand => ({
      type: 'ChangeContractTerms',
      contractId: 'tm',
      changes,
      references: refs,
    });
    const block = (overrides: Partial<NewContractTerms> = {}) =>
      createdEvent({ contractId: 'tm', type: 'BLOCK_HOURS', ...overrides });
    const purchase: ContractEvent = {
      type: 'BlockPurchased',
      data: { contractId: 'tm', purchaseId: 'p1', sequence: 1, startDate: '2026-01-01', endDate: '2026-06-30', hours: '10', hourlyRate: '100', purchasedAt: '2026-01-01T09:00:00.000Z' },
    };

    it('carries only the fields that changed, each with its full new value', () => {
      const history = [createdEvent({ purchaseOrderNumber: 'PO-1', excludedRoleIds: ['engineer'] })];
      expect(
        when(history, change({ purchaseOrderNumber: 'PO-1', excludedRoleIds: ['engineer', 'architect'], excludedWorkTypeIds: [], endDate: '2027-06-30' })),
      ).toEqual([{ type: 'ContractTermsChanged', data: { contractId: 'tm', excludedRoleIds: ['engineer', 'architect'], endDate: '2027-06-30' } }]);
      const after = given([...history, ...when(history, change({ endDate: '2027-06-30', purchaseOrderNumber: null }))]);
      expect(after).toMatchObject({ terms: { endDate: '2027-06-30', purchaseOrderNumber: null, excludedRoleIds: ['engineer'] } });
    });

    it('a change that changes nothing decides nothing', () => {
      const history = [createdEvent({ excludedRoleIds: ['engineer', 'architect'] })];
      expect(when(history, change({}))).toEqual([]);
      expect(when(history, change({ status: 'ACTIVE', endDate: '2026-12-31', excludedRoleIds: ['architect', 'engineer'] }))).toEqual([]);
    });

    it('an unknown contract is 404', () => {
      expect(refusal([], change({ status: 'INACTIVE' }))).toBeInstanceOf(NotFound);
    });

    it('the end date stays after the start date, within 20 years and not before any purchase ends', () => {
      expect(refusal([block()], change({ endDate: '2025-12-31' }))).toMatchObject({ rule: 'contract-dates' });
      expect(refusal([block()], change({ endDate: '2046-02-01' }))).toMatchObject({ rule: 'contract-length' });
      const error = refusal([block(), purchase], change({ endDate: '2026-06-29' }));
      expect(error).toMatchObject({ rule: 'end-date-before-purchase' });
      expect(error.message).toContain('p1');
      expect(when([block(), purchase], change({ endDate: '2026-06-30' }))).toHaveLength(1);
    });

    it('deactivating the default contract gives up the default for good', () => {
      const history = [createdEvent({ isDefault: true })];
      const off = when(history, change({ status: 'INACTIVE' }));
      expect(off).toEqual([{ type: 'ContractTermsChanged', data: { contractId: 'tm', status: 'INACTIVE', isDefault: false } }]);
      const on = when([...history, ...off], change({ status: 'ACTIVE' }));
      expect(on).toEqual([{ type: 'ContractTermsChanged', data: { contractId: 'tm', status: 'ACTIVE' } }]);
      expect(given([...history, ...off, ...on])).toMatchObject({ terms: { status: 'ACTIVE', isDefault: false } });
    });

    it('new ids must exist', () => {
      expect(refusal([block()], change({ exclusionSetId: 'platinum' }))).toMatchObject({ message: 'exclusion set platinum does not exist' });
      expect(refusal([block()], change({ excludedWorkTypeIds: ['travel'] }))).toMatchObject({ message: 'work type travel does not exist' });
      expect(refusal([block()], change({ excludedRoleIds: ['intern'] }))).toMatchObject({ message: 'role intern does not exist' });
      expect(refusal([block()], change({ exclusionContractId: 'ghost' }))).toMatchObject({ message: 'exclusion contract ghost does not exist' });
    });

    it('refuses a link that closes a cycle (A → B → A), listing it', () => {
      // given: B already sends its exclusions to A (tm)
      const refs = references({ contracts: { b: created({ contractId: 'b', exclusionContractId: 'tm' }), tm: created() } });
      const error = refusal([createdEvent()], change({ exclusionContractId: 'b' }, refs));
      expect(error).toMatchObject({ rule: 'exclusion-cycle', message: 'exclusion contracts would form a cycle: tm → b → tm' });
    });

    it('refuses a link into a loop further down the chain', () => {
      const refs = references({
        contracts: { b: created({ contractId: 'b', exclusionContractId: 'c' }), c: created({ contractId: 'c', exclusionContractId: 'b' }) },
      });
      expect(refusal([createdEvent()], change({ exclusionContractId: 'b' }, refs))).toMatchObject({ message: expect.stringContaining('b → c → b') });
    });

    it('accepts a chain that ends, and removing the link', () => {
      const refs = references({ contracts: { b: created({ contractId: 'b', exclusionContractId: 'c' }), c: created({ contractId: 'c' }) } });
      const linked = when([createdEvent()], change({ exclusionContractId: 'b' }, refs));
      expect(linked).toEqual([{ type: 'ContractTermsChanged', data: { contractId: 'tm', exclusionContractId: 'b' } }]);
      expect(when([createdEvent(), ...linked], change({ exclusionContractId: null }))).toEqual([
        { type: 'ContractTermsChanged', data: { contractId: 'tm', exclusionContractId: null } },
      ]);
    });
  });

  describe('purchases', () => {
    const at = '2026-02-01T10:00:00.000Z';
    const blockContract = createdEvent({ type: 'BLOCK_HOURS' });
    const buyBlock = (purchaseId: string, overrides: Partial<{ hours: string; hourlyRate: string; startDate: string; endDate: string }> = {}): ContractCommand => ({
      type: 'PurchaseBlock',
      contractId: 'tm',
      purchaseId,
      hours: '10',
      hourlyRate: '100.00',
      startDate: '2026-02-01',
      endDate: '2026-07-31',
      purchasedAt: at,
      ...overrides,
    });

    it('records a block with its sequence, canonical decimals and purchase time', () => {
      expect(when([blockContract], buyBlock('p1'))).toEqual([
        {
          type: 'BlockPurchased',
          data: { contractId: 'tm', purchaseId: 'p1', sequence: 1, startDate: '2026-02-01', endDate: '2026-07-31', hours: '10', hourlyRate: '100', purchasedAt: at },
        },
      ]);
    });

    it('numbers purchases 1, 2, 3 in purchase order', () => {
      let history: ContractEvent[] = [blockContract];
      for (const id of ['p1', 'p2', 'p3']) history = [...history, ...when(history, buyBlock(id, { startDate: '2026-03-01' }))];
      const state = given(history);
      expect(state.status === 'exists' && state.purchases.map((p) => [p.purchaseId, p.sequence])).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', 3],
      ]);
    });

    it('the same purchase again decides nothing; the same id with other details is a conflict', () => {
      const history = [blockContract, ...when([blockContract], buyBlock('p1'))];
      expect(when(history, { ...(buyBlock('p1', { hourlyRate: '100' }) as PurchaseBlock), purchasedAt: '2026-03-01T00:00:00.000Z' })).toEqual([]);
      expect(refusal(history, buyBlock('p1', { hours: '11' }))).toBeInstanceOf(Conflict);
      expect(refusal(history, { type: 'PurchaseRetainer', contractId: 'tm', purchaseId: 'p1', amount: '10', startDate: '2026-02-01', endDate: '2026-07-31', purchasedAt: at })).toBeInstanceOf(
        Conflict,
      );
    });

    it('each purchase fits only its contract type', () => {
      const retainer: ContractCommand = { type: 'PurchaseRetainer', contractId: 'tm', purchaseId: 'r1', amount: '5000', startDate: '2026-02-01', endDate: '2026-02-28', purchasedAt: at };
      const tickets: ContractCommand = {
        type: 'PurchaseTickets',
        contractId: 'tm',
        purchaseId: 't1',
        tickets: 20,
        perTicketRate: '45',
        startDate: '2026-02-01',
        endDate: '2026-02-28',
        purchasedAt: at,
      };
      expect(refusal([createdEvent()], buyBlock('p1'))).toMatchObject({ rule: 'purchase-not-for-contract-type' });
      expect(refusal([blockContract], retainer)).toMatchObject({ rule: 'purchase-not-for-contract-type' });
      expect(refusal([blockContract], tickets)).toMatchObject({ rule: 'purchase-not-for-contract-type' });
      expect(when([createdEvent({ type: 'RETAINER' })], retainer)).toEqual([
        { type: 'RetainerPurchased', data: { contractId: 'tm', purchaseId: 'r1', sequence: 1, startDate: '2026-02-01', endDate: '2026-02-28', amount: '5000', purchasedAt: at } },
      ]);
      expect(when([createdEvent({ type: 'PER_TICKET' })], tickets)).toEqual([
        {
          type: 'TicketsPurchased',
          data: { contractId: 'tm', purchaseId: 't1', sequence: 1, startDate: '2026-02-01', endDate: '2026-02-28', tickets: 20, perTicketRate: '45', purchasedAt: at },
        },
      ]);
    });

    it('purchase dates lie inside the contract dates, start on or before end', () => {
      expect(refusal([blockContract], buyBlock('p1', { startDate: '2025-12-31' }))).toMatchObject({ rule: 'purchase-outside-contract' });
      expect(refusal([blockContract], buyBlock('p1', { endDate: '2027-01-01' }))).toMatchObject({ rule: 'purchase-outside-contract' });
      expect(refusal([blockContract], buyBlock('p1', { startDate: '2026-05-01', endDate: '2026-04-30' }))).toMatchObject({ rule: 'purchase-dates' });
      expect(when([blockContract], buyBlock('p1', { startDate: '2026-01-01', endDate: '2026-01-01' }))).toHaveLength(1);
      expect(when([blockContract], buyBlock('p1', { startDate: '2026-12-31', endDate: '2026-12-31' }))).toHaveLength(1);
    });

    it('hours, amounts and tickets must be positive', () => {
      expect(refusal([blockContract], buyBlock('p1', { hours: '0' }))).toMatchObject({ rule: 'invalid-decimal' });
      const retainer = createdEvent({ type: 'RETAINER' });
      expect(
        refusal([retainer], { type: 'PurchaseRetainer', contractId: 'tm', purchaseId: 'r', amount: '-5', startDate: '2026-02-01', endDate: '2026-02-28', purchasedAt: at }),
      ).toMatchObject({ rule: 'invalid-decimal' });
      const perTicket = createdEvent({ type: 'PER_TICKET' });
      for (const tickets of [0, 1.5]) {
        expect(
          refusal([perTicket], { type: 'PurchaseTickets', contractId: 'tm', purchaseId: 't', tickets, perTicketRate: '1', startDate: '2026-02-01', endDate: '2026-02-28', purchasedAt: at }),
        ).toMatchObject({ rule: 'invalid-quantity' });
      }
    });

    it('on an unknown contract is 404', () => {
      expect(refusal([], buyBlock('p1'))).toBeInstanceOf(NotFound);
    });
  });

  describe('services', () => {
    const recurring = createdEvent({ type: 'RECURRING_SERVICE', periodType: 'MONTHLY' });
    const add = (overrides: Partial<{ serviceId: string; name: string; units: string; unitPrice: string; unitCost: string; billingCodeId: string | null }> = {}): ContractCommand => ({
      type: 'AddService',
      contractId: 'tm',
      service: { serviceId: 's1', name: 'Managed desktop', units: '25', unitPrice: '30.00', unitCost: '12', billingCodeId: 'svc', ...overrides },
      references: references(),
    });

    it('adds a service with units and prices to a Recurring Service contract', () => {
      const events = when([recurring], add());
      expect(events).toEqual([
        { type: 'ServiceAdded', data: { contractId: 'tm', serviceId: 's1', name: 'Managed desktop', units: '25', unitPrice: '30', unitCost: '12', billingCodeId: 'svc' } },
      ]);
      expect(given([recurring, ...events])).toMatchObject({ services: [{ serviceId: 's1', units: '25' }] });
    });

    it('only on a Recurring Service contract', () => {
      expect(refusal([createdEvent()], add())).toMatchObject({ rule: 'service-not-for-contract-type' });
    });

    it('the same service again decides nothing; other details are a conflict', () => {
      const history = [recurring, ...when([recurring], add())];
      expect(when(history, add({ unitPrice: '30' }))).toEqual([]);
      expect(refusal(history, add({ units: '26' }))).toBeInstanceOf(Conflict);
    });

    it('its billing code must exist; prices are not negative', () => {
      expect(refusal([recurring], add({ billingCodeId: 'nope' }))).toMatchObject({ message: 'billing code nope does not exist' });
      expect(when([recurring], add({ billingCodeId: null }))).toHaveLength(1);
      expect(refusal([recurring], add({ unitPrice: '-1' }))).toMatchObject({ rule: 'invalid-decimal' });
    });
  });

  describe('toRoutingContract', () => {
    it('maps terms and an exclusion set to what routing reads (billing-rules §4 example)', () => {
      const rec = created({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', exclusionSetId: 'silver', exclusionContractId: 'blk' });
      const blk = created({ contractId: 'blk', type: 'BLOCK_HOURS', excludedWorkTypeIds: ['after-hours'], exclusionContractId: 'tm' });
      const tm = created();
      const contracts = {
        rec: toRoutingContract(rec, { workTypeIds: ['onsite', 'after-hours'], roleIds: [] }),
        blk: toRoutingContract(blk),
        tm: toRoutingContract(tm),
      };
      expect(contracts.blk).toEqual({
        id: 'blk',
        type: 'BLOCK_HOURS',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        excludedWorkTypeIds: ['after-hours'],
        excludedRoleIds: [],
        exclusionSet: null,
        exclusionContractId: 'tm',
      });
      const route = (workTypeId: string) =>
        routeTimeEntry({ defaultContractId: 'rec', dateWorked: '2026-03-02', workTypeId, roleId: 'engineer' }, (id) => contracts[id as keyof typeof contracts]).path;
      expect(route('remote')).toEqual(['rec']);
      expect(route('onsite')).toEqual(['rec', 'blk']);
      expect(route('after-hours')).toEqual(['rec', 'blk', 'tm']);
    });
  });
});
