import { dec, roundMoney, type Dec } from '../shared/decimal';
import { derivedItemId } from '../work/derived-item-ids';
import type { ContractService } from './contract.events';
import type { AppliedUnitChange, RecurringState } from './recurring.events';

/** billing-rules §7: a synced change of more than this percentage of the current units is held, unless the contract sets its own. */
export const DEFAULT_LICENCE_TOLERANCE_PERCENT = '20';
/** billing-rules §7: a change of this many units or fewer always applies. */
export const UNIT_CHANGE_ALWAYS_APPLIED = 2;

export const servicePeriodItemId = (contractId: string, serviceId: string, periodStart: string) => derivedItemId('svc', [contractId, serviceId, periodStart]);
/** The `n`th adjustment (1, 2, …) of one service's period. */
export const serviceAdjustmentItemId = (contractId: string, serviceId: string, periodStart: string, n: number) =>
  derivedItemId('svcadj', [contractId, serviceId, periodStart, String(n)]);
export const setupFeeItemId = (contractId: string) => derivedItemId('setup', [contractId]);
/** The `n`th licence exception (1, 2, …) of a contract. */
export const licenceExceptionId = (contractId: string, n: number) => derivedItemId('lic', [contractId, String(n)]);

/**
 * billing-rules §7: whether a synced count is held for a person. A change of 2 units or fewer
 * always applies; beyond that, a change of more than `tolerancePercent` of the current units is
 * held (exactly the tolerance applies: 40 → 48 at 20%).
 */
export function beyondTolerance(currentUnits: Dec, requestedUnits: Dec, tolerancePercent: string): boolean {
  const change = requestedUnits.minus(currentUnits).abs();
  if (change.lte(UNIT_CHANGE_ALWAYS_APPLIED)) return false;
  return change.gt(currentUnits.times(tolerancePercent).div(100));
}

/**
 * billing-rules §7: the prorated amount of a unit change inside a period,
 * `unitDelta × unitPrice × daysRemaining / daysInPeriod`, rounded half-up to cents once, at the end.
 */
export function proratedAmount(unitDelta: Dec, unitPrice: Dec | string, daysRemaining: number, daysInPeriod: number): Dec {
  return roundMoney(unitDelta.times(unitPrice).times(daysRemaining).div(daysInPeriod));
}

/** The service's units now: its last applied change's, else as added. */
export function currentUnits(service: ContractService, recurring: RecurringState): string {
  return lastChange(service, recurring)?.units ?? service.units;
}

export function lastChange(service: ContractService, recurring: RecurringState): AppliedUnitChange | undefined {
  return recurring.unitChanges[service.serviceId]?.at(-1);
}

/** The units in effect on `date`: those of the last change effective on or before it, else as added. */
export function unitsOn(service: ContractService, recurring: RecurringState, date: string): string {
  let units = service.units;
  for (const change of recurring.unitChanges[service.serviceId] ?? []) if (change.effectiveDate <= date) units = change.units;
  return units;
}

/** `units × price`, half-up to cents. */
export const extended = (units: string | Dec, price: string) => roundMoney(dec(units).times(price));
