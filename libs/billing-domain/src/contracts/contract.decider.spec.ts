import { NotFound } from '../shared/domain-errors';
import { routeTimeEntry } from '../rating/routing';
import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { contractTerms, newContractTerms } from '../testing/fixtures';
import { contractDecider, type ContractCommand, type PurchaseBlock } from './contract.decider';
import { contractStream, type ContractEvent, type NewContractTerms } from './contract.events';
import type { ContractReferences } from './contract.rules';
import { toRoutingContract } from './routing-contract';

const references = (overrides: Partial<ContractReferences> = {}): ContractReferences => ({
  accounts: { acme: { parentAccountId: 'group' }, group: { parentAccountId: null }, other: { parentAccountId: null } },
  roleIds: ['engineer', 'architect'],
  workTypeIds: ['remote', 'onsite'],
  exclusionSetIds: ['gold'],
  billingCodeIds: ['svc'],
  contracts: {},
  ...overrides,
});

const contracts = deciderSpec(contractDecider);

const create = (overrides: Partial<NewContractTerms> = {}, refs: ContractReferences = references()): ContractCommand => ({
  type: 'CreateContract',
  terms: newContractTerms(overrides),
  references: refs,
});

const createdEvent = (overrides: Partial<NewContractTerms> = {}): ContractEvent => ({ type: 'ContractCreated', data: contractTerms(overrides) });

describe('contract decider', () => {
  it('names its stream contract-{id}', () => {
    expect(contractStream('c1')).toBe('contract-c1');
  });

  describe('create', () => {
    it('creates an ACTIVE contract with its terms, decimals in canonical form', () => {
      const creating = contracts.given([]).when(create({ roleRates: [{ roleId: 'engineer', hourlyRate: '150.00' }], setupFee: '500.50' }));
      creating.then([createdEvent({ roleRates: [{ roleId: 'engineer', hourlyRate: '150' }], setupFee: '500.5' })]);
      expect(creating.stateAfter()).toMatchObject({ status: 'exists', terms: { status: 'ACTIVE' }, purchases: [], services: [] });
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
      for (const terms of cases)
        contracts
          .given([])
          .when(create(terms))
          .then([createdEvent(terms)]);
    });

    it('the same create again decides nothing, however its decimals and lists are written', () => {
      const history = [createdEvent({ excludedRoleIds: ['engineer', 'architect'], roleRates: [{ roleId: 'engineer', hourlyRate: '150' }] })];
      contracts
        .given(history)
        .when(create({ excludedRoleIds: ['architect', 'engineer'], roleRates: [{ roleId: 'engineer', hourlyRate: '150.0' }] }))
        .then([]);
    });

    it('the same id with other terms is a conflict, even when only later changes differ', () => {
      const history = [createdEvent()];
      contracts
        .given(history)
        .when(create({ name: 'Other' }))
        .then(conflict('id-reused'));
      // A repeated create compares with the terms as created, not as changed since.
      const changed: ContractEvent[] = [...history, { type: 'ContractTermsChanged', data: { contractId: 'tm', endDate: '2027-12-31' } }];
      contracts.given(changed).when(create()).then([]);
    });

    it('the end date must be after the start date and at most 20 years later', () => {
      contracts
        .given([])
        .when(create({ endDate: '2026-01-01' }))
        .then(rule('contract-dates'));
      contracts
        .given([])
        .when(create({ endDate: '2025-12-31' }))
        .then(rule('contract-dates'));
      contracts
        .given([])
        .when(create({ endDate: '2046-01-01' }))
        .then([createdEvent({ endDate: '2046-01-01' })]);
      contracts
        .given([])
        .when(create({ endDate: '2046-01-02' }))
        .then(rule('contract-length'));
    });

    it('refuses a field of another type, naming the field and the types that take it', () => {
      const cases: [Partial<NewContractTerms>, string, string][] = [
        [
          { type: 'PER_TICKET', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] },
          'roleRates',
          'TIME_AND_MATERIALS, BLOCK_HOURS, RETAINER and FIXED_PRICE',
        ],
        [{ type: 'RECURRING_SERVICE', periodType: 'MONTHLY', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] }, 'roleRates', 'FIXED_PRICE'],
        [{ type: 'TIME_AND_MATERIALS', overageRate: '1' }, 'overageRate', 'BLOCK_HOURS and PER_TICKET'],
        [{ type: 'RETAINER', overageRate: '1' }, 'overageRate', 'BLOCK_HOURS and PER_TICKET'],
        [{ type: 'TIME_AND_MATERIALS', blockHourMultipliers: [{ roleId: 'engineer', multiplier: '2' }] }, 'blockHourMultipliers', 'BLOCK_HOURS'],
        [{ type: 'FIXED_PRICE', periodType: 'YEARLY' }, 'periodType', 'RECURRING_SERVICE'],
      ];
      for (const [terms, field, takers] of cases) {
        const creating = contracts.given([]).when(create(terms));
        creating.then(rule('field-not-for-contract-type'));
        const { message } = creating.refusal();
        expect(message).toContain(field);
        expect(message).toContain(takers);
      }
    });

    it('a Recurring Service contract needs its period type', () => {
      contracts
        .given([])
        .when(create({ type: 'RECURRING_SERVICE' }))
        .then(rule('field-required-for-contract-type'));
    });

    it('refuses rates above 99999999.9999, multipliers above 100 and a setup fee above 999999999999.99 (invalid-decimal)', () => {
      for (const terms of [
        { roleRates: [{ roleId: 'engineer', hourlyRate: '100000000' }] },
        { type: 'BLOCK_HOURS' as const, overageRate: '100000000' },
        { type: 'BLOCK_HOURS' as const, blockHourMultipliers: [{ roleId: 'engineer', multiplier: '100.0001' }] },
        { setupFee: '1000000000000' },
      ])
        contracts.given([]).when(create(terms)).then(rule('invalid-decimal'));
    });

    it('refuses negative amounts, more than 4 places and a role named twice', () => {
      contracts
        .given([])
        .when(create({ setupFee: '-1' }))
        .then(rule('invalid-decimal'));
      contracts
        .given([])
        .when(create({ roleRates: [{ roleId: 'engineer', hourlyRate: '1.23456' }] }))
        .then(rule('invalid-decimal'));
      contracts
        .given([])
        .when(
          create({
            roleRates: [
              { roleId: 'engineer', hourlyRate: '1' },
              { roleId: 'engineer', hourlyRate: '2' },
            ],
          }),
        )
        .then(rule('duplicate-role'));
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
        const error = contracts.given([]).when(create(terms)).refusal();
        expect(error).toBeInstanceOf(NotFound);
        expect(error.message).toBe(message);
      }
    });

    it('the exclusion contract belongs to the same account or its parent', () => {
      const refs = (accountId: string) => references({ contracts: { blk: contractTerms({ contractId: 'blk', accountId }) } });
      contracts
        .given([])
        .when(create({ exclusionContractId: 'blk' }, refs('acme')))
        .then([createdEvent({ exclusionContractId: 'blk' })]);
      contracts
        .given([])
        .when(create({ exclusionContractId: 'blk' }, refs('group')))
        .then([createdEvent({ exclusionContractId: 'blk' })]);
      contracts
        .given([])
        .when(create({ exclusionContractId: 'blk' }, refs('other')))
        .then(rule('exclusion-contract-account'));
    });

    it('a contract cannot be its own exclusion contract', () => {
      contracts
        .given([])
        .when(create({ exclusionContractId: 'tm' }))
        .then(rule('exclusion-cycle').withMessage(/tm → tm/));
    });
  });

  describe('change terms', () => {
    const change = (changes: Extract<ContractCommand, { type: 'ChangeContractTerms' }>['changes'], refs = references()): ContractCommand => ({
      type: 'ChangeContractTerms',
      contractId: 'tm',
      changes,
      references: refs,
    });
    const termsChanged = (changes: Omit<Extract<ContractEvent, { type: 'ContractTermsChanged' }>['data'], 'contractId'>): ContractEvent => ({
      type: 'ContractTermsChanged',
      data: { contractId: 'tm', ...changes },
    });
    const block = (overrides: Partial<NewContractTerms> = {}) => createdEvent({ contractId: 'tm', type: 'BLOCK_HOURS', ...overrides });
    const purchase: ContractEvent = {
      type: 'BlockPurchased',
      data: {
        contractId: 'tm',
        purchaseId: 'p1',
        sequence: 1,
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        hours: '10',
        hourlyRate: '100',
        purchasedAt: '2026-01-01T09:00:00.000Z',
        billingCodeId: null,
      },
    };

    it('carries only the fields that changed, each with its full new value', () => {
      const history = [createdEvent({ purchaseOrderNumber: 'PO-1', excludedRoleIds: ['engineer'] })];
      contracts
        .given(history)
        .when(change({ purchaseOrderNumber: 'PO-1', excludedRoleIds: ['engineer', 'architect'], excludedWorkTypeIds: [], endDate: '2027-06-30' }))
        .then([
          { type: 'ContractExtended', data: { contractId: 'tm', previousEndDate: '2026-12-31', newEndDate: '2027-06-30' } },
          termsChanged({ excludedRoleIds: ['engineer', 'architect'] }),
        ]);
      const after = contracts
        .given(history)
        .when(change({ endDate: '2027-06-30', purchaseOrderNumber: null }))
        .stateAfter();
      expect(after).toMatchObject({ terms: { endDate: '2027-06-30', purchaseOrderNumber: null, excludedRoleIds: ['engineer'] } });
    });

    it('a change that changes nothing decides nothing', () => {
      const history = [createdEvent({ excludedRoleIds: ['engineer', 'architect'] })];
      contracts.given(history).when(change({})).then([]);
      contracts
        .given(history)
        .when(change({ status: 'ACTIVE', endDate: '2026-12-31', excludedRoleIds: ['architect', 'engineer'] }))
        .then([]);
    });

    it('an unknown contract is 404', () => {
      contracts
        .given([])
        .when(change({ status: 'INACTIVE' }))
        .then(notFound('contract', 'tm'));
    });

    it('the end date stays after the start date, within 20 years and not before any purchase ends', () => {
      contracts
        .given([block()])
        .when(change({ endDate: '2025-12-31' }))
        .then(rule('contract-dates'));
      contracts
        .given([block()])
        .when(change({ endDate: '2046-02-01' }))
        .then(rule('contract-length'));
      contracts
        .given([block(), purchase])
        .when(change({ endDate: '2026-06-29' }))
        .then(rule('end-date-before-purchase').withMessage(/p1/));
      contracts
        .given([block(), purchase])
        .when(change({ endDate: '2026-06-30' }))
        .then([termsChanged({ endDate: '2026-06-30' })]);
    });

    it('deactivating the default contract gives up the default for good', () => {
      const history = [createdEvent({ isDefault: true })];
      const off = termsChanged({ status: 'INACTIVE', isDefault: false });
      const on = termsChanged({ status: 'ACTIVE' });
      contracts
        .given(history)
        .when(change({ status: 'INACTIVE' }))
        .then([off]);
      contracts
        .given([...history, off])
        .when(change({ status: 'ACTIVE' }))
        .then([on]);
      expect(contracts.given([...history, off, on]).state()).toMatchObject({ terms: { status: 'ACTIVE', isDefault: false } });
    });

    it('new ids must exist', () => {
      contracts
        .given([block()])
        .when(change({ exclusionSetId: 'platinum' }))
        .then(notFound('exclusion set', 'platinum').withMessage('exclusion set platinum does not exist'));
      contracts
        .given([block()])
        .when(change({ excludedWorkTypeIds: ['travel'] }))
        .then(notFound('work type', 'travel').withMessage('work type travel does not exist'));
      contracts
        .given([block()])
        .when(change({ excludedRoleIds: ['intern'] }))
        .then(notFound('role', 'intern').withMessage('role intern does not exist'));
      contracts
        .given([block()])
        .when(change({ exclusionContractId: 'ghost' }))
        .then(notFound('exclusion contract', 'ghost').withMessage('exclusion contract ghost does not exist'));
    });

    it('refuses a link that closes a cycle (A → B → A), listing it', () => {
      // given: B already sends its exclusions to A (tm)
      const refs = references({ contracts: { b: contractTerms({ contractId: 'b', exclusionContractId: 'tm' }), tm: contractTerms() } });
      contracts
        .given([createdEvent()])
        .when(change({ exclusionContractId: 'b' }, refs))
        .then(rule('exclusion-cycle').withMessage('exclusion contracts would form a cycle: tm → b → tm'));
    });

    it('refuses a link into a loop further down the chain', () => {
      const refs = references({
        contracts: { b: contractTerms({ contractId: 'b', exclusionContractId: 'c' }), c: contractTerms({ contractId: 'c', exclusionContractId: 'b' }) },
      });
      contracts
        .given([createdEvent()])
        .when(change({ exclusionContractId: 'b' }, refs))
        .then(rule('exclusion-cycle').withMessage(/b → c → b/));
    });

    it('accepts a chain that ends, and removing the link', () => {
      const refs = references({ contracts: { b: contractTerms({ contractId: 'b', exclusionContractId: 'c' }), c: contractTerms({ contractId: 'c' }) } });
      const linked = termsChanged({ exclusionContractId: 'b' });
      contracts
        .given([createdEvent()])
        .when(change({ exclusionContractId: 'b' }, refs))
        .then([linked]);
      contracts
        .given([createdEvent(), linked])
        .when(change({ exclusionContractId: null }))
        .then([termsChanged({ exclusionContractId: null })]);
    });
  });

  describe('purchases', () => {
    const at = '2026-02-01T10:00:00.000Z';
    const blockContract = createdEvent({ type: 'BLOCK_HOURS' });
    const buyBlock = (
      purchaseId: string,
      overrides: Partial<{ hours: string; hourlyRate: string; startDate: string; endDate: string }> = {},
    ): ContractCommand => ({
      type: 'PurchaseBlock',
      contractId: 'tm',
      purchaseId,
      hours: '10',
      hourlyRate: '100.00',
      startDate: '2026-02-01',
      endDate: '2026-07-31',
      purchasedAt: at,
      billingCodeId: null,
      references: {},
      ...overrides,
    });
    const blockPurchased = (purchaseId: string, overrides: Partial<{ sequence: number; startDate: string; endDate: string }> = {}): ContractEvent => ({
      type: 'BlockPurchased',
      data: {
        contractId: 'tm',
        purchaseId,
        sequence: 1,
        startDate: '2026-02-01',
        endDate: '2026-07-31',
        hours: '10',
        hourlyRate: '100',
        purchasedAt: at,
        billingCodeId: null,
        ...overrides,
      },
    });

    it('records a block with its sequence, canonical decimals and purchase time', () => {
      contracts
        .given([blockContract])
        .when(buyBlock('p1'))
        .then([
          {
            type: 'BlockPurchased',
            data: {
              contractId: 'tm',
              purchaseId: 'p1',
              sequence: 1,
              startDate: '2026-02-01',
              endDate: '2026-07-31',
              hours: '10',
              hourlyRate: '100',
              purchasedAt: at,
              billingCodeId: null,
            },
          },
        ]);
    });

    it('numbers purchases 1, 2, 3 in purchase order', () => {
      let history: ContractEvent[] = [blockContract];
      for (const id of ['p1', 'p2', 'p3'])
        history = [
          ...history,
          ...contracts
            .given(history)
            .when(buyBlock(id, { startDate: '2026-03-01' }))
            .events(),
        ];
      const state = contracts.given(history).state();
      expect(state.status === 'exists' && state.purchases.map((p) => [p.purchaseId, p.sequence])).toEqual([
        ['p1', 1],
        ['p2', 2],
        ['p3', 3],
      ]);
    });

    it('the same purchase again decides nothing; the same id with other details is a conflict', () => {
      const history = [blockContract, blockPurchased('p1')];
      contracts
        .given(history)
        .when({ ...(buyBlock('p1', { hourlyRate: '100' }) as PurchaseBlock), purchasedAt: '2026-03-01T00:00:00.000Z', billingCodeId: null })
        .then([]);
      contracts
        .given(history)
        .when(buyBlock('p1', { hours: '11' }))
        .then(conflict('id-reused'));
      contracts
        .given(history)
        .when({
          type: 'PurchaseRetainer',
          contractId: 'tm',
          purchaseId: 'p1',
          amount: '10',
          startDate: '2026-02-01',
          endDate: '2026-07-31',
          purchasedAt: at,
          billingCodeId: null,
          references: {},
        })
        .then(conflict('id-reused'));
    });

    it('each purchase fits only its contract type', () => {
      const retainer: ContractCommand = {
        type: 'PurchaseRetainer',
        contractId: 'tm',
        purchaseId: 'r1',
        amount: '5000',
        startDate: '2026-02-01',
        endDate: '2026-02-28',
        purchasedAt: at,
        billingCodeId: null,
        references: {},
      };
      const tickets: ContractCommand = {
        type: 'PurchaseTickets',
        contractId: 'tm',
        purchaseId: 't1',
        tickets: 20,
        perTicketRate: '45',
        startDate: '2026-02-01',
        endDate: '2026-02-28',
        purchasedAt: at,
        billingCodeId: null,
        references: {},
      };
      contracts.given([createdEvent()]).when(buyBlock('p1')).then(rule('purchase-not-for-contract-type'));
      contracts.given([blockContract]).when(retainer).then(rule('purchase-not-for-contract-type'));
      contracts.given([blockContract]).when(tickets).then(rule('purchase-not-for-contract-type'));
      contracts
        .given([createdEvent({ type: 'RETAINER' })])
        .when(retainer)
        .then([
          {
            type: 'RetainerPurchased',
            data: {
              contractId: 'tm',
              purchaseId: 'r1',
              sequence: 1,
              startDate: '2026-02-01',
              endDate: '2026-02-28',
              amount: '5000',
              purchasedAt: at,
              billingCodeId: null,
            },
          },
        ]);
      contracts
        .given([createdEvent({ type: 'PER_TICKET' })])
        .when(tickets)
        .then([
          {
            type: 'TicketsPurchased',
            data: {
              contractId: 'tm',
              purchaseId: 't1',
              sequence: 1,
              startDate: '2026-02-01',
              endDate: '2026-02-28',
              tickets: 20,
              perTicketRate: '45',
              purchasedAt: at,
              billingCodeId: null,
            },
          },
        ]);
    });

    it('purchase dates lie inside the contract dates, start on or before end', () => {
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { startDate: '2025-12-31' }))
        .then(rule('purchase-outside-contract'));
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { endDate: '2027-01-01' }))
        .then(rule('purchase-outside-contract'));
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { startDate: '2026-05-01', endDate: '2026-04-30' }))
        .then(rule('purchase-dates'));
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { startDate: '2026-01-01', endDate: '2026-01-01' }))
        .then([blockPurchased('p1', { startDate: '2026-01-01', endDate: '2026-01-01' })]);
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { startDate: '2026-12-31', endDate: '2026-12-31' }))
        .then([blockPurchased('p1', { startDate: '2026-12-31', endDate: '2026-12-31' })]);
    });

    it('hours, amounts and tickets must be positive', () => {
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { hours: '0' }))
        .then(rule('invalid-decimal'));
      const retainer = createdEvent({ type: 'RETAINER' });
      contracts
        .given([retainer])
        .when({
          type: 'PurchaseRetainer',
          contractId: 'tm',
          purchaseId: 'r',
          amount: '-5',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          purchasedAt: at,
          billingCodeId: null,
          references: {},
        })
        .then(rule('invalid-decimal'));
      const perTicket = createdEvent({ type: 'PER_TICKET' });
      for (const tickets of [0, 1.5]) {
        contracts
          .given([perTicket])
          .when({
            type: 'PurchaseTickets',
            contractId: 'tm',
            purchaseId: 't',
            tickets,
            perTicketRate: '1',
            startDate: '2026-02-01',
            endDate: '2026-02-28',
            purchasedAt: at,
            billingCodeId: null,
            references: {},
          })
          .then(rule('invalid-quantity'));
      }
    });

    it('what a purchase bills is at most 999999999999.99 (amount-too-large); a rate at most 99999999.9999', () => {
      // 10000.0001 h × $99,999,999.9999 = 1,000,000,009,998.99999999
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { hours: '10000.0001', hourlyRate: '99999999.9999' }))
        .then(rule('amount-too-large').withMessage(/hours × hourlyRate is 1000000009998\.99999999/));
      contracts
        .given([blockContract])
        .when(buyBlock('p1', { hourlyRate: '100000000' }))
        .then(rule('invalid-decimal'));
      // 1,000,000 tickets × $1,000,000 = 10^12
      contracts
        .given([createdEvent({ type: 'PER_TICKET' })])
        .when({
          type: 'PurchaseTickets',
          contractId: 'tm',
          purchaseId: 't',
          tickets: 1_000_000,
          perTicketRate: '1000000',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          purchasedAt: at,
          billingCodeId: null,
          references: {},
        })
        .then(rule('amount-too-large'));
      contracts
        .given([createdEvent({ type: 'RETAINER' })])
        .when({
          type: 'PurchaseRetainer',
          contractId: 'tm',
          purchaseId: 'r',
          amount: '1000000000000',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          purchasedAt: at,
          billingCodeId: null,
          references: {},
        })
        .then(rule('invalid-decimal'));
    });

    it('on an unknown contract is 404', () => {
      contracts.given([]).when(buyBlock('p1')).then(notFound('contract', 'tm'));
    });
  });

  describe('services', () => {
    const recurring = createdEvent({ type: 'RECURRING_SERVICE', periodType: 'MONTHLY' });
    const add = (
      overrides: Partial<{ serviceId: string; name: string; units: string; unitPrice: string; unitCost: string; billingCodeId: string | null }> = {},
    ): ContractCommand => ({
      type: 'AddService',
      contractId: 'tm',
      service: { serviceId: 's1', name: 'Managed desktop', units: '25', unitPrice: '30.00', unitCost: '12', billingCodeId: 'svc', ...overrides },
      references: references(),
    });
    const serviceAdded = (billingCodeId: string | null = 'svc'): ContractEvent => ({
      type: 'ServiceAdded',
      data: { contractId: 'tm', serviceId: 's1', name: 'Managed desktop', units: '25', unitPrice: '30', unitCost: '12', billingCodeId },
    });

    it('adds a service with units and prices to a Recurring Service contract', () => {
      const adding = contracts.given([recurring]).when(add());
      adding.then([
        {
          type: 'ServiceAdded',
          data: { contractId: 'tm', serviceId: 's1', name: 'Managed desktop', units: '25', unitPrice: '30', unitCost: '12', billingCodeId: 'svc' },
        },
      ]);
      expect(adding.stateAfter()).toMatchObject({ services: [{ serviceId: 's1', units: '25' }] });
    });

    it('only on a Recurring Service contract', () => {
      contracts.given([createdEvent()]).when(add()).then(rule('service-not-for-contract-type'));
    });

    it('the same service again decides nothing; other details are a conflict', () => {
      const history = [recurring, serviceAdded()];
      contracts
        .given(history)
        .when(add({ unitPrice: '30' }))
        .then([]);
      contracts
        .given(history)
        .when(add({ units: '26' }))
        .then(conflict('id-reused'));
    });

    it('its billing code must exist; prices are not negative', () => {
      contracts
        .given([recurring])
        .when(add({ billingCodeId: 'nope' }))
        .then(notFound('billing code', 'nope').withMessage('billing code nope does not exist'));
      contracts
        .given([recurring])
        .when(add({ billingCodeId: null }))
        .then([serviceAdded(null)]);
      contracts
        .given([recurring])
        .when(add({ unitPrice: '-1' }))
        .then(rule('invalid-decimal'));
    });

    it('units × unitPrice is at most 999999999999.99 (amount-too-large)', () => {
      // 1,000 × $1,000,000,000 = 10^12
      contracts
        .given([recurring])
        .when(add({ units: '1000', unitPrice: '1000000000' }))
        .then(rule('amount-too-large'));
    });
  });

  describe('toRoutingContract', () => {
    it('maps terms and an exclusion set to what routing reads (billing-rules §4 example)', () => {
      const rec = contractTerms({ contractId: 'rec', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', exclusionSetId: 'silver', exclusionContractId: 'blk' });
      const blk = contractTerms({ contractId: 'blk', type: 'BLOCK_HOURS', excludedWorkTypeIds: ['after-hours'], exclusionContractId: 'tm' });
      const tm = contractTerms();
      const routing = {
        rec: toRoutingContract(rec, { workTypeIds: ['onsite', 'after-hours'], roleIds: [] }),
        blk: toRoutingContract(blk),
        tm: toRoutingContract(tm),
      };
      expect(routing.blk).toEqual({
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
        routeTimeEntry({ defaultContractId: 'rec', dateWorked: '2026-03-02', workTypeId, roleId: 'engineer' }, (id) => routing[id as keyof typeof routing])
          .path;
      expect(route('remote')).toEqual(['rec']);
      expect(route('onsite')).toEqual(['rec', 'blk']);
      expect(route('after-hours')).toEqual(['rec', 'blk', 'tm']);
    });
  });
});
