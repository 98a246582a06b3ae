import { dec, moneyString } from '../shared/decimal';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';
import { checkItemAmount } from '../shared/money-bounds';
import { renewalsThrough } from './contract-renewal';
import { evolveContract, type ContractEvent, type ContractService, type ContractState, type ExistingContract } from './contract.events';
import { canonicalMoney, sameDecimal } from './contract.rules';
import type {
  LicenceException,
  LicenceExceptionSuperseded,
  RecurringEvent,
  ServiceAdjustmentAccrued,
  ServicePeriodAccrued,
  ServiceUnitsChanged,
} from './recurring.events';
import {
  beyondTolerance,
  currentUnits,
  DEFAULT_LICENCE_TOLERANCE_PERCENT,
  extended,
  lastChange,
  licenceExceptionId,
  proratedAmount,
  serviceAdjustmentItemId,
  servicePeriodItemId,
  setupFeeItemId,
  unitsOn,
} from './recurring.rules';
import { daysInclusive, periodsStartingBy, type ServicePeriod } from './service-periods';

/** billing-rules §7: create the items of every period (and the setup fee) that has started by `through`. Idempotent. */
export interface AccrueRecurring {
  type: 'AccrueRecurring';
  contractId: string;
  through: string;
}

/** billing-rules §7: set a service's units from a date; with a `source` (licence sync) a change beyond the tolerance is held. */
export interface ChangeServiceUnits {
  type: 'ChangeServiceUnits';
  contractId: string;
  serviceId: string;
  units: string;
  effectiveDate: string;
  source: string | null;
}

export interface ConfirmLicenceException {
  type: 'ConfirmLicenceException';
  contractId: string;
  exceptionId: string;
  reason: string;
}

export interface RejectLicenceException {
  type: 'RejectLicenceException';
  contractId: string;
  exceptionId: string;
  reason: string;
}

export type RecurringCommand = AccrueRecurring | ChangeServiceUnits | ConfirmLicenceException | RejectLicenceException;

function existing(state: ContractState, contractId: string): ExistingContract {
  if (state.status !== 'exists') throw new NotFound('contract', contractId);
  return state;
}

function serviceOf(contract: ExistingContract, serviceId: string): ContractService {
  const service = contract.services.find((s) => s.serviceId === serviceId);
  if (!service) throw new NotFound('service', serviceId);
  return service;
}

/** How many adjustments a service's period already has (its next one is numbered one more). */
function adjustmentsOf(contract: ExistingContract, serviceId: string, periodStart: string): number {
  return contract.recurring.items.filter((i) => i.kind === 'SERVICE_ADJUSTMENT' && i.data.serviceId === serviceId && i.data.periodStart === periodStart).length;
}

function adjustment(
  contract: ExistingContract,
  service: ContractService,
  period: { start: string; end: string },
  change: { fromDate: string; unitDelta: string },
  n: number,
): ServiceAdjustmentAccrued {
  const daysRemaining = daysInclusive(change.fromDate, period.end);
  const daysInPeriod = daysInclusive(period.start, period.end);
  const delta = dec(change.unitDelta);
  return {
    type: 'ServiceAdjustmentAccrued',
    data: {
      contractId: contract.terms.contractId,
      serviceId: service.serviceId,
      itemId: serviceAdjustmentItemId(contract.terms.contractId, service.serviceId, period.start, n),
      periodStart: period.start,
      periodEnd: period.end,
      fromDate: change.fromDate,
      unitDelta: change.unitDelta,
      unitPrice: service.unitPrice,
      unitCost: service.unitCost,
      daysRemaining,
      daysInPeriod,
      amount: moneyString(proratedAmount(delta, service.unitPrice, daysRemaining, daysInPeriod)),
      cost: moneyString(proratedAmount(delta, service.unitCost, daysRemaining, daysInPeriod)),
    },
  };
}

/**
 * One service's period, billed in advance at the units in effect on its first day, and an
 * adjustment for each unit change recorded (ahead of time) with an effective date inside it.
 */
function accruePeriod(contract: ExistingContract, service: ContractService, period: ServicePeriod): RecurringEvent[] {
  const units = unitsOn(service, contract.recurring, period.start);
  const accrued: ServicePeriodAccrued = {
    type: 'ServicePeriodAccrued',
    data: {
      contractId: contract.terms.contractId,
      serviceId: service.serviceId,
      itemId: servicePeriodItemId(contract.terms.contractId, service.serviceId, period.start),
      periodStart: period.start,
      periodEnd: period.end,
      units,
      unitPrice: service.unitPrice,
      unitCost: service.unitCost,
      amount: moneyString(extended(units, service.unitPrice)),
      cost: moneyString(extended(units, service.unitCost)),
    },
  };
  const inside = (contract.recurring.unitChanges[service.serviceId] ?? []).filter((c) => c.effectiveDate > period.start && c.effectiveDate <= period.end);
  const adjustments = inside.map((c, i) =>
    adjustment(contract, service, period, { fromDate: c.effectiveDate, unitDelta: dec(c.units).minus(c.previousUnits).toFixed() }, i + 1),
  );
  return [accrued, ...adjustments];
}

/**
 * billing-rules §7, on an active contract: first its renewals (an auto-renewing contract whose end
 * date is before `through`), then the setup fee once, on the start date (when the contract has one
 * above zero), and one item per service per period that has started by `through` and starts on or
 * before the contract's end date, renewed or not. Periods accrued before are skipped, so accruing
 * again for the same date decides nothing.
 */
function decideAccrual(command: AccrueRecurring, state: ContractState): ContractEvent[] {
  const renewals = renewalsThrough(existing(state, command.contractId).terms, command.through);
  const contract = existing(renewals.reduce(evolveContract, state), command.contractId);
  const { terms, services, recurring } = contract;
  if (terms.status !== 'ACTIVE') return [];
  const events: ContractEvent[] = [...renewals];
  const hasSetupFee = terms.setupFee !== null && dec(terms.setupFee).gt(0);
  if (hasSetupFee && terms.startDate <= command.through && !recurring.items.some((i) => i.kind === 'SETUP_FEE')) {
    events.push({
      type: 'SetupFeeAccrued',
      data: { contractId: terms.contractId, itemId: setupFeeItemId(terms.contractId), date: terms.startDate, amount: moneyString(dec(terms.setupFee!)) },
    });
  }
  if (terms.type !== 'RECURRING_SERVICE' || terms.periodType === null || services.length === 0) return events;
  const accrued = new Set(recurring.items.flatMap((i) => (i.kind === 'SERVICE_PERIOD' ? [`${i.data.serviceId}\u0000${i.data.periodStart}`] : [])));
  const lastStart = command.through < terms.endDate ? command.through : terms.endDate;
  for (const period of periodsStartingBy(terms.startDate, terms.periodType, lastStart)) {
    for (const service of services) {
      if (!accrued.has(`${service.serviceId}\u0000${period.start}`)) events.push(...accruePeriod(contract, service, period));
    }
  }
  return events;
}

/**
 * A change applied: the new units from its date, and for every period of the service already
 * accrued that ends on or after the date, the prorated adjustment (the whole period for a later
 * one: daysRemaining = daysInPeriod).
 */
function applyUnits(
  contract: ExistingContract,
  service: ContractService,
  change: { units: string; effectiveDate: string; source: string | null; exceptionId: string | null },
): RecurringEvent[] {
  const previousUnits = currentUnits(service, contract.recurring);
  const changed: ServiceUnitsChanged = {
    type: 'ServiceUnitsChanged',
    data: { contractId: contract.terms.contractId, serviceId: service.serviceId, previousUnits, ...change },
  };
  const unitDelta = dec(change.units).minus(previousUnits);
  if (unitDelta.isZero()) return [changed];
  const periods = contract.recurring.items.flatMap((i) =>
    i.kind === 'SERVICE_PERIOD' && i.data.serviceId === service.serviceId && i.data.periodEnd >= change.effectiveDate ? [i.data] : [],
  );
  const adjustments = periods
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1))
    .map((p) =>
      adjustment(
        contract,
        service,
        { start: p.periodStart, end: p.periodEnd },
        { fromDate: change.effectiveDate > p.periodStart ? change.effectiveDate : p.periodStart, unitDelta: unitDelta.toFixed() },
        adjustmentsOf(contract, service.serviceId, p.periodStart) + 1,
      ),
    );
  return [changed, ...adjustments];
}

function checkInsideContract(contract: ExistingContract, effectiveDate: string): void {
  const { startDate, endDate, contractId } = contract.terms;
  if (effectiveDate < startDate || effectiveDate > endDate)
    throw new RuleViolation(
      'effective-date-outside-contract',
      `the effective date ${effectiveDate} is outside contract ${contractId}, which runs ${startDate} to ${endDate}`,
    );
}

const heldOf = (contract: ExistingContract, serviceId: string): LicenceException[] =>
  contract.recurring.exceptions.filter((e) => e.serviceId === serviceId && e.status === 'HELD');

/**
 * billing-rules §7. The same change again (the service's last change, or a count already held)
 * decides nothing. A change never goes back before the service's last change. Any other change
 * closes the service's held counts (a later count makes them moot). A synced change (`source`)
 * beyond the contract's tolerance is held; every other applies, with its prorated adjustments.
 */
function decideUnitChange(command: ChangeServiceUnits, state: ContractState): RecurringEvent[] {
  const contract = existing(state, command.contractId);
  const service = serviceOf(contract, command.serviceId);
  const units = canonicalMoney(command.units, 'units');
  checkItemAmount(dec(units).times(service.unitPrice), `service ${service.serviceId}: units × unitPrice`);
  checkInsideContract(contract, command.effectiveDate);

  const last = lastChange(service, contract.recurring);
  if (last && last.effectiveDate === command.effectiveDate && last.source === command.source && sameDecimal(last.units, units)) return [];
  const held = heldOf(contract, service.serviceId);
  if (held.some((e) => e.source === command.source && sameDecimal(e.requestedUnits, units))) return [];
  if (last && command.effectiveDate < last.effectiveDate)
    throw new RuleViolation(
      'units-change-out-of-order',
      `service ${service.serviceId} changed to ${last.units} units from ${last.effectiveDate}; a change cannot take effect before that (${command.effectiveDate})`,
    );

  const superseded: LicenceExceptionSuperseded[] = held.map((e) => ({
    type: 'LicenceExceptionSuperseded',
    data: { contractId: contract.terms.contractId, exceptionId: e.exceptionId, byUnits: units, byEffectiveDate: command.effectiveDate },
  }));
  const current = currentUnits(service, contract.recurring);
  if (sameDecimal(current, units)) return superseded;
  const tolerancePercent = contract.terms.licenceTolerancePercent ?? DEFAULT_LICENCE_TOLERANCE_PERCENT;
  if (command.source !== null && beyondTolerance(dec(current), dec(units), tolerancePercent)) {
    return [
      ...superseded,
      {
        type: 'LicenceChangeHeld',
        data: {
          contractId: contract.terms.contractId,
          serviceId: service.serviceId,
          exceptionId: licenceExceptionId(contract.terms.contractId, contract.recurring.exceptions.length + 1),
          currentUnits: current,
          requestedUnits: units,
          effectiveDate: command.effectiveDate,
          source: command.source,
          tolerancePercent,
        },
      },
    ];
  }
  return [...superseded, ...applyUnits(contract, service, { units, effectiveDate: command.effectiveDate, source: command.source, exceptionId: null })];
}

function exceptionOf(contract: ExistingContract, exceptionId: string): LicenceException {
  const exception = contract.recurring.exceptions.find((e) => e.exceptionId === exceptionId);
  if (!exception) throw new NotFound('licence exception', exceptionId);
  return exception;
}

function requireReason(reason: string, what: string): void {
  if (!reason.trim()) throw new RuleViolation('reason-required', `${what} a licence count needs a reason`);
}

function refuseClosed(exception: LicenceException): never {
  throw new Conflict(
    'licence-exception-closed',
    `licence exception ${exception.exceptionId} is ${exception.status.toLowerCase()}; only a held one can be decided`,
  );
}

/** A person confirms a held count, saying why: it applies as of its own date, with its adjustments. Confirming again decides nothing. */
function decideConfirm(command: ConfirmLicenceException, state: ContractState): RecurringEvent[] {
  const contract = existing(state, command.contractId);
  const exception = exceptionOf(contract, command.exceptionId);
  if (exception.status === 'CONFIRMED') return [];
  if (exception.status !== 'HELD') refuseClosed(exception);
  requireReason(command.reason, 'confirming');
  // The contract's end may have moved since the count was held.
  checkInsideContract(contract, exception.effectiveDate);
  const service = serviceOf(contract, exception.serviceId);
  const { contractId } = contract.terms;
  return [
    { type: 'LicenceExceptionConfirmed', data: { contractId, exceptionId: exception.exceptionId, reason: command.reason } },
    ...applyUnits(contract, service, {
      units: exception.requestedUnits,
      effectiveDate: exception.effectiveDate,
      source: exception.source,
      exceptionId: exception.exceptionId,
    }),
  ];
}

/** A person rejects a held count, saying why: the units stay. Rejecting again decides nothing. */
function decideReject(command: RejectLicenceException, state: ContractState): RecurringEvent[] {
  const contract = existing(state, command.contractId);
  const exception = exceptionOf(contract, command.exceptionId);
  if (exception.status === 'REJECTED') return [];
  if (exception.status !== 'HELD') refuseClosed(exception);
  requireReason(command.reason, 'rejecting');
  return [{ type: 'LicenceExceptionRejected', data: { contractId: contract.terms.contractId, exceptionId: exception.exceptionId, reason: command.reason } }];
}

export function decideRecurring(command: RecurringCommand, state: ContractState): ContractEvent[] {
  switch (command.type) {
    case 'AccrueRecurring':
      return decideAccrual(command, state);
    case 'ChangeServiceUnits':
      return decideUnitChange(command, state);
    case 'ConfirmLicenceException':
      return decideConfirm(command, state);
    case 'RejectLicenceException':
      return decideReject(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
