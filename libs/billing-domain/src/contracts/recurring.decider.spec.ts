import { conflict, deciderSpec, notFound, rule } from '../testing/decider-spec';
import { contractTerms } from '../testing/fixtures';
import { contractDecider, type ContractCommand } from './contract.decider';
import type { ContractEvent, ContractService, ContractTerms, PeriodType } from './contract.events';
import type { ChangeServiceUnits } from './recurring.decider';
import type { LicenceChangeHeldData, ServiceAdjustmentAccruedData, ServicePeriodAccruedData } from './recurring.events';

const contracts = deciderSpec(contractDecider);

const recurringTerms = (overrides: Partial<ContractTerms> = {}) =>
  contractTerms({ contractId: 'rec', name: 'Managed services', type: 'RECURRING_SERVICE', periodType: 'MONTHLY', ...overrides });
const created = (overrides: Partial<ContractTerms> = {}): ContractEvent => ({ type: 'ContractCreated', data: recurringTerms(overrides) });
const service = (overrides: Partial<ContractService> = {}): ContractService => ({
  serviceId: 'desk',
  name: 'Managed desktop',
  units: '40',
  unitPrice: '30',
  unitCost: '12',
  billingCodeId: null,
  ...overrides,
});
const added = (overrides: Partial<ContractService> = {}): ContractEvent => ({ type: 'ServiceAdded', data: { contractId: 'rec', ...service(overrides) } });

const accrue = (through: string): ContractCommand => ({ type: 'AccrueRecurring', contractId: 'rec', through });
const change = (overrides: Partial<ChangeServiceUnits> = {}): ContractCommand => ({
  type: 'ChangeServiceUnits',
  contractId: 'rec',
  serviceId: 'desk',
  units: '42',
  effectiveDate: '2026-04-21',
  source: null,
  ...overrides,
});

const period = (start: string, end: string, overrides: Partial<ServicePeriodAccruedData> = {}): ContractEvent => ({
  type: 'ServicePeriodAccrued',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    itemId: `svc:rec:desk:${start}`,
    periodStart: start,
    periodEnd: end,
    units: '40',
    unitPrice: '30',
    unitCost: '12',
    amount: '1200.00',
    cost: '480.00',
    ...overrides,
  },
});

const held = (overrides: Partial<LicenceChangeHeldData> = {}): ContractEvent => ({
  type: 'LicenceChangeHeld',
  data: {
    contractId: 'rec',
    serviceId: 'desk',
    exceptionId: 'lic:rec:1',
    currentUnits: '40',
    requestedUnits: '400',
    effectiveDate: '2026-04-21',
    source: 'm365',
    tolerancePercent: '20',
    ...overrides,
  },
});

/** The adjustment events among `events`, their data only. */
const adjustmentsIn = (events: ContractEvent[]): ServiceAdjustmentAccruedData[] =>
  events.flatMap((e) => (e.type === 'ServiceAdjustmentAccrued' ? [e.data] : []));

describe('recurring services (billing-rules §7)', () => {
  describe('accrual', () => {
    it('creates one item per service per period started by the date, billed in advance: units × unitPrice', () => {
      // given: 40 desktops at $30 (cost $12) and 3 servers at $99.995, monthly from 2026-01-01
      const history = [created(), added(), added({ serviceId: 'srv', name: 'Servers', units: '3', unitPrice: '99.995', unitCost: '0' })];
      // when: accrued through 2026-02-01 (February has started, March has not)
      const events = contracts.given(history).when(accrue('2026-02-01')).events();
      // then: January and February for each service; 3 × 99.995 = 299.985 → 299.99 (half-up)
      expect(events).toEqual([
        period('2026-01-01', '2026-01-31'),
        period('2026-01-01', '2026-01-31', {
          serviceId: 'srv',
          itemId: 'svc:rec:srv:2026-01-01',
          units: '3',
          unitPrice: '99.995',
          unitCost: '0',
          amount: '299.99',
          cost: '0.00',
        }),
        period('2026-02-01', '2026-02-28'),
        period('2026-02-01', '2026-02-28', {
          serviceId: 'srv',
          itemId: 'svc:rec:srv:2026-02-01',
          units: '3',
          unitPrice: '99.995',
          unitCost: '0',
          amount: '299.99',
          cost: '0.00',
        }),
      ]);
    });

    it('accruing twice for the same date creates nothing new; a later date only the new periods', () => {
      const history = [created(), added()];
      const first = contracts.given(history).when(accrue('2026-03-15')).events();
      expect(first.map((e) => (e.type === 'ServicePeriodAccrued' ? e.data.periodStart : e.type))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
      contracts
        .given([...history, ...first])
        .when(accrue('2026-03-15'))
        .then([]);
      contracts
        .given([...history, ...first])
        .when(accrue('2026-04-01'))
        .then([period('2026-04-01', '2026-04-30')]);
    });

    it('the setup fee once, on the start date, when the contract has one', () => {
      // given: a setup fee of $500.005 on a contract with no services yet
      const history = [created({ setupFee: '500.005' })];
      const fee: ContractEvent = { type: 'SetupFeeAccrued', data: { contractId: 'rec', itemId: 'setup:rec', date: '2026-01-01', amount: '500.01' } };
      // then: accrued from its start date on (500.005 → 500.01), once
      contracts.given(history).when(accrue('2025-12-31')).then([]);
      contracts.given(history).when(accrue('2026-01-01')).then([fee]);
      contracts
        .given([...history, fee])
        .when(accrue('2026-06-30'))
        .then([]);
      // and: a fee of 0 is no fee; another type of contract has its fee too
      contracts
        .given([created({ setupFee: '0' })])
        .when(accrue('2026-06-30'))
        .then([]);
      const tm = contractTerms({ contractId: 'rec', setupFee: '250' });
      contracts
        .given([{ type: 'ContractCreated', data: tm }])
        .when(accrue('2026-06-30'))
        .then([{ type: 'SetupFeeAccrued', data: { contractId: 'rec', itemId: 'setup:rec', date: '2026-01-01', amount: '250.00' } }]);
    });

    it('nothing on an inactive contract, before its start, or for periods that start after its end', () => {
      const inactive: ContractEvent = { type: 'ContractTermsChanged', data: { contractId: 'rec', status: 'INACTIVE' } };
      contracts
        .given([created({ setupFee: '100' }), added(), inactive])
        .when(accrue('2026-12-31'))
        .then([]);
      contracts.given([created(), added()]).when(accrue('2025-12-31')).then([]);
      // given: a contract ending 2026-03-15: March starts before the end (billed whole), April after it
      const starts = contracts
        .given([created({ endDate: '2026-03-15' }), added()])
        .when(accrue('2026-12-31'))
        .events()
        .map((e) => (e.type === 'ServicePeriodAccrued' ? `${e.data.periodStart}..${e.data.periodEnd}` : e.type));
      expect(starts).toEqual(['2026-01-01..2026-01-31', '2026-02-01..2026-02-28', '2026-03-01..2026-03-31']);
    });

    it.each<[PeriodType, number]>([
      ['MONTHLY', 12],
      ['QUARTERLY', 4],
      ['SEMI_ANNUAL', 2],
      ['YEARLY', 1],
    ])('%s over a year from 2026-01-31 gives %i periods, back to back', (periodType, count) => {
      const events = contracts
        .given([created({ periodType, startDate: '2026-01-31', endDate: '2027-12-31' }), added()])
        .when(accrue('2027-01-30'))
        .events();
      const periods = events.flatMap((e) => (e.type === 'ServicePeriodAccrued' ? [e.data] : []));
      expect(periods).toHaveLength(count);
      expect(periods[0].periodStart).toBe('2026-01-31');
      expect(periods.at(-1)!.periodEnd).toBe('2027-01-30');
      // every period costs the same, whatever its number of days (40 × 30)
      expect(new Set(periods.map((p) => p.amount))).toEqual(new Set(['1200.00']));
    });

    it('a change recorded ahead of a period that starts later is in its units; one inside it is prorated when it accrues', () => {
      // given: January accrued at 40; then a change to 50 from 2026-02-01 and to 47 from 2026-03-11
      const history = [created(), added(), period('2026-01-01', '2026-01-31')];
      const toFifty = contracts
        .given(history)
        .when(change({ units: '50', effectiveDate: '2026-02-01' }))
        .events();
      const toFortySeven = contracts
        .given([...history, ...toFifty])
        .when(change({ units: '47', effectiveDate: '2026-03-11' }))
        .events();
      // when: February and March accrue
      const events = contracts
        .given([...history, ...toFifty, ...toFortySeven])
        .when(accrue('2026-03-01'))
        .events();
      // then: February at 50 (1,500.00); March at 50 (1,500.00) with −3 units from the 11th:
      // 11..31 March is 21 of 31 days: −3 × 30 × 21 / 31 = −1,890 / 31 = −60.967… → −60.97 (cost −3 × 12 × 21 / 31 = −24.387… → −24.39)
      expect(events).toEqual([
        period('2026-02-01', '2026-02-28', { units: '50', amount: '1500.00', cost: '600.00' }),
        period('2026-03-01', '2026-03-31', { units: '50', amount: '1500.00', cost: '600.00' }),
        {
          type: 'ServiceAdjustmentAccrued',
          data: {
            contractId: 'rec',
            serviceId: 'desk',
            itemId: 'svcadj:rec:desk:2026-03-01:1',
            periodStart: '2026-03-01',
            periodEnd: '2026-03-31',
            fromDate: '2026-03-11',
            unitDelta: '-3',
            unitPrice: '30',
            unitCost: '12',
            daysRemaining: 21,
            daysInPeriod: 31,
            amount: '-60.97',
            cost: '-24.39',
          },
        },
      ]);
    });
  });

  describe('unit changes', () => {
    // given: monthly, 40 units at $31.99 (cost $10), January to April accrued (April has 30 days)
    const monthly = [
      created(),
      added({ unitPrice: '31.99', unitCost: '10' }),
      ...[
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-02-28'],
        ['2026-03-01', '2026-03-31'],
        ['2026-04-01', '2026-04-30'],
      ].map(([start, end]) => period(start, end, { unitPrice: '31.99', unitCost: '10', amount: '1279.60', cost: '400.00' })),
    ];

    it('+2 units from the 21st of a 30-day month: 2 × price × 10/30, rounded once at the end', () => {
      // when: 42 units from 2026-04-21
      const events = contracts
        .given(monthly)
        .when(change({ units: '42', effectiveDate: '2026-04-21' }))
        .events();
      // then: the units change, and April (21..30 = 10 of 30 days) is adjusted:
      // 2 × 31.99 × 10 / 30 = 639.8 / 30 = 21.3266… → 21.33; cost 2 × 10 × 10 / 30 = 6.666… → 6.67
      expect(events).toEqual([
        {
          type: 'ServiceUnitsChanged',
          data: { contractId: 'rec', serviceId: 'desk', units: '42', previousUnits: '40', effectiveDate: '2026-04-21', source: null, exceptionId: null },
        },
        {
          type: 'ServiceAdjustmentAccrued',
          data: {
            contractId: 'rec',
            serviceId: 'desk',
            itemId: 'svcadj:rec:desk:2026-04-01:1',
            periodStart: '2026-04-01',
            periodEnd: '2026-04-30',
            fromDate: '2026-04-21',
            unitDelta: '2',
            unitPrice: '31.99',
            unitCost: '10',
            daysRemaining: 10,
            daysInPeriod: 30,
            amount: '21.33',
            cost: '6.67',
          },
        },
      ]);
      // and: May accrues at the new count, 42 × 31.99 = 1,343.58
      const may = contracts
        .given([...monthly, ...events])
        .when(accrue('2026-05-01'))
        .events();
      expect(may).toEqual([period('2026-05-01', '2026-05-31', { units: '42', unitPrice: '31.99', unitCost: '10', amount: '1343.58', cost: '420.00' })]);
    });

    it('−3 units mid-quarter: −3 × price × 45/90', () => {
      // given: quarterly, 40 units at $25, the first quarter (1 January to 31 March: 90 days) accrued
      const quarterly = [
        created({ periodType: 'QUARTERLY' }),
        added({ unitPrice: '25', unitCost: '0' }),
        period('2026-01-01', '2026-03-31', { unitPrice: '25', unitCost: '0', amount: '1000.00', cost: '0.00' }),
      ];
      // when: 37 units from 15 February (15..28 February is 14 days, March 31: 45 of 90)
      const events = contracts
        .given(quarterly)
        .when(change({ units: '37', effectiveDate: '2026-02-15' }))
        .events();
      // then: −3 × 25 × 45 / 90 = −37.50
      expect(adjustmentsIn(events)).toEqual([
        expect.objectContaining({ fromDate: '2026-02-15', unitDelta: '-3', daysRemaining: 45, daysInPeriod: 90, amount: '-37.50', cost: '0.00' }),
      ]);
    });

    it('a change back in an accrued month adjusts that month by the days left and every later accrued month whole', () => {
      // when: 41 units from 2026-02-15 (February accrued, and March and April after it)
      const events = contracts
        .given(monthly)
        .when(change({ units: '41', effectiveDate: '2026-02-15' }))
        .events();
      // then: February 15..28 = 14 of 28 days: 1 × 31.99 × 14 / 28 = 15.995 → 16.00 (half-up);
      // March and April whole: 31.99 each
      expect(adjustmentsIn(events).map((a) => [a.itemId, a.fromDate, a.daysRemaining, a.daysInPeriod, a.amount])).toEqual([
        ['svcadj:rec:desk:2026-02-01:1', '2026-02-15', 14, 28, '16.00'],
        ['svcadj:rec:desk:2026-03-01:1', '2026-03-01', 31, 31, '31.99'],
        ['svcadj:rec:desk:2026-04-01:1', '2026-04-01', 30, 30, '31.99'],
      ]);
    });

    it('a change from a date no period has reached yet adjusts nothing: the period accrues at the new count', () => {
      const events = contracts
        .given(monthly)
        .when(change({ units: '45', effectiveDate: '2026-05-01' }))
        .events();
      expect(events.map((e) => e.type)).toEqual(['ServiceUnitsChanged']);
    });

    it('the same change again decides nothing; the same count decides nothing', () => {
      const first = contracts.given(monthly).when(change()).events();
      contracts
        .given([...monthly, ...first])
        .when(change())
        .then([]);
      contracts
        .given(monthly)
        .when(change({ units: '40.00' }))
        .then([]);
    });

    it('a second change in the same period is numbered after the first', () => {
      const first = contracts
        .given(monthly)
        .when(change({ units: '42', effectiveDate: '2026-04-21' }))
        .events();
      const second = contracts
        .given([...monthly, ...first])
        .when(change({ units: '44', effectiveDate: '2026-04-26' }))
        .events();
      // 26..30 April is 5 of 30 days: 2 × 31.99 × 5 / 30 = 10.663… → 10.66
      expect(adjustmentsIn(second).map((a) => [a.itemId, a.daysRemaining, a.amount])).toEqual([['svcadj:rec:desk:2026-04-01:2', 5, '10.66']]);
    });

    it('refuses an effective date outside the contract, a date before the last change, units beyond the bound, an unknown service', () => {
      contracts
        .given(monthly)
        .when(change({ effectiveDate: '2025-12-31' }))
        .then(rule('effective-date-outside-contract'));
      contracts
        .given(monthly)
        .when(change({ effectiveDate: '2027-01-01' }))
        .then(rule('effective-date-outside-contract'));
      const first = contracts
        .given(monthly)
        .when(change({ effectiveDate: '2026-04-21' }))
        .events();
      contracts
        .given([...monthly, ...first])
        .when(change({ units: '41', effectiveDate: '2026-04-20' }))
        .then(rule('units-change-out-of-order'));
      contracts
        .given(monthly)
        .when(change({ units: '-1' }))
        .then(rule('invalid-decimal'));
      contracts
        .given(monthly)
        .when(change({ units: '999999999999' }))
        .then(rule('amount-too-large'));
      contracts
        .given(monthly)
        .when(change({ serviceId: 'nope' }))
        .then(notFound('service', 'nope'));
      contracts.given([]).when(change()).then(notFound('contract', 'rec'));
    });
  });

  describe('licence sync: beyond the tolerance (default 20% of the current units) is held; 2 units or fewer always apply', () => {
    const history = [created(), added()];
    const sync = (units: string) => change({ units, source: 'm365' });

    it.each([
      // [requested, held?]: 40 → 400 (+900%) held; 42 (+2) applies; 47 (+7 = 17.5%) applies;
      // 48 (+8 = exactly 20%) applies; 49 (+9 = 22.5%) held; 31 (−9) held; 32 (−8) applies
      ['400', true],
      ['42', false],
      ['47', false],
      ['48', false],
      ['49', true],
      ['31', true],
      ['32', false],
    ])('40 → %s: held %s', (units, isHeld) => {
      const [event] = contracts.given(history).when(sync(units)).events();
      expect(event.type).toBe(isHeld ? 'LicenceChangeHeld' : 'ServiceUnitsChanged');
    });

    it('a small service: 2 units or fewer always apply (1 → 3 is +200%), 3 or more are measured (1 → 4 held)', () => {
      const small = [created(), added({ units: '1' })];
      expect(contracts.given(small).when(sync('3')).events()[0].type).toBe('ServiceUnitsChanged');
      expect(contracts.given(small).when(sync('4')).events()[0].type).toBe('LicenceChangeHeld');
    });

    it('the tolerance is the contract’s when it sets one; a person’s change (no source) is never held', () => {
      // 40 → 49 is 22.5%: within a tolerance of 25%, beyond one of 22.49%
      const lenient = [created({ licenceTolerancePercent: '25' }), added()];
      expect(contracts.given(lenient).when(sync('49')).events()[0].type).toBe('ServiceUnitsChanged');
      const strict = [created({ licenceTolerancePercent: '22.49' }), added()];
      expect(contracts.given(strict).when(sync('49')).events()[0]).toEqual(held({ requestedUnits: '49', tolerancePercent: '22.49' }));
      expect(
        contracts
          .given(history)
          .when(change({ units: '400' }))
          .events()[0].type,
      ).toBe('ServiceUnitsChanged');
    });

    it('holds the count with what it was measured against; the same count again decides nothing', () => {
      contracts.given(history).when(sync('400')).then([held()]);
      // the next day's sync says 400 again: still the one exception
      contracts
        .given([...history, held()])
        .when(change({ units: '400', source: 'm365', effectiveDate: '2026-04-22' }))
        .then([]);
    });

    it('a later count supersedes a held one', () => {
      contracts
        .given([...history, held()])
        .when(sync('41'))
        .then([
          { type: 'LicenceExceptionSuperseded', data: { contractId: 'rec', exceptionId: 'lic:rec:1', byUnits: '41', byEffectiveDate: '2026-04-21' } },
          {
            type: 'ServiceUnitsChanged',
            data: { contractId: 'rec', serviceId: 'desk', units: '41', previousUnits: '40', effectiveDate: '2026-04-21', source: 'm365', exceptionId: null },
          },
        ]);
      // a new count beyond the tolerance is the contract's second exception
      contracts
        .given([...history, held()])
        .when(sync('300'))
        .then([
          { type: 'LicenceExceptionSuperseded', data: { contractId: 'rec', exceptionId: 'lic:rec:1', byUnits: '300', byEffectiveDate: '2026-04-21' } },
          held({ exceptionId: 'lic:rec:2', requestedUnits: '300' }),
        ]);
    });

    it('confirming applies the held count as of its date, with its adjustments; confirming again decides nothing', () => {
      // given: April accrued at 40 × 30, then 400 from 2026-04-21 held
      const withApril = [...history, period('2026-04-01', '2026-04-30'), held()];
      const events = contracts
        .given(withApril)
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'new tenant migrated' })
        .events();
      // then: +360 units for 10 of 30 days: 360 × 30 × 10 / 30 = 3,600.00
      expect(events.slice(0, 2)).toEqual([
        { type: 'LicenceExceptionConfirmed', data: { contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'new tenant migrated' } },
        {
          type: 'ServiceUnitsChanged',
          data: {
            contractId: 'rec',
            serviceId: 'desk',
            units: '400',
            previousUnits: '40',
            effectiveDate: '2026-04-21',
            source: 'm365',
            exceptionId: 'lic:rec:1',
          },
        },
      ]);
      expect(adjustmentsIn(events).map((a) => [a.unitDelta, a.daysRemaining, a.amount])).toEqual([['360', 10, '3600.00']]);
      contracts
        .given([...withApril, ...events])
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'again' })
        .then([]);
      contracts
        .given([...withApril, ...events])
        .when({ type: 'RejectLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'too late' })
        .then(conflict('licence-exception-closed'));
    });

    it('rejecting keeps the units; a rejected or superseded count cannot be confirmed; a decision needs a reason', () => {
      const rejected: ContractEvent = { type: 'LicenceExceptionRejected', data: { contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'sync glitch' } };
      contracts
        .given([...history, held()])
        .when({ type: 'RejectLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'sync glitch' })
        .then([rejected]);
      contracts
        .given([...history, held(), rejected])
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'x' })
        .then(conflict('licence-exception-closed'));
      contracts
        .given([...history, held()])
        .when({ type: 'RejectLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: ' ' })
        .then(rule('reason-required'));
      contracts
        .given([...history, held()])
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: '' })
        .then(rule('reason-required'));
      contracts
        .given(history)
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:9', reason: 'x' })
        .then(notFound('licence exception', 'lic:rec:9'));
    });

    it('a held count whose date the contract no longer covers cannot be confirmed', () => {
      const shortened: ContractEvent = { type: 'ContractTermsChanged', data: { contractId: 'rec', endDate: '2026-03-31' } };
      contracts
        .given([...history, held(), shortened])
        .when({ type: 'ConfirmLicenceException', contractId: 'rec', exceptionId: 'lic:rec:1', reason: 'x' })
        .then(rule('effective-date-outside-contract'));
    });
  });

  it('the licence tolerance is a term of Recurring Service contracts only, a percentage from 0 to 1000', () => {
    const create = (terms: Partial<ContractTerms>): ContractCommand => {
      const { status: _status, ...newTerms } = recurringTerms(terms);
      return { type: 'CreateContract', terms: newTerms, references: { accounts: { acme: { parentAccountId: null } } } };
    };
    contracts
      .given([])
      .when(create({ licenceTolerancePercent: '12.50' }))
      .then([created({ licenceTolerancePercent: '12.5' })]);
    contracts
      .given([])
      .when(create({ licenceTolerancePercent: '1000.01' }))
      .then(rule('invalid-decimal'));
    contracts
      .given([])
      .when(create({ type: 'TIME_AND_MATERIALS', periodType: null, licenceTolerancePercent: '10' }))
      .then(rule('field-not-for-contract-type'));
  });

  it('a service added as created stays the same create after its units change', () => {
    const history = [created(), added()];
    const changed = contracts
      .given(history)
      .when(change({ units: '45' }))
      .events();
    contracts
      .given([...history, ...changed])
      .when({ type: 'AddService', contractId: 'rec', service: service(), references: { billingCodeIds: [] } })
      .then([]);
  });
});
