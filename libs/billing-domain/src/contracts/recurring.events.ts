import type { DomainEvent } from '../shared/decider';

/**
 * What billing-rules §7 adds to a contract's stream: the items accrual creates (service periods,
 * prorated adjustments, the setup fee), the unit changes of its services, and the licence counts
 * held beyond the tolerance. Amounts are money strings (two places), units decimal strings.
 */

/** One period of one service, billed in advance: `units × unitPrice`, half-up to cents. */
export interface ServicePeriodAccruedData {
  contractId: string;
  serviceId: string;
  itemId: string;
  periodStart: string;
  periodEnd: string;
  /** The units in effect on the period's first day. */
  units: string;
  unitPrice: string;
  unitCost: string;
  amount: string;
  /** `units × unitCost`, half-up to cents. */
  cost: string;
}

/** A unit change inside an accrued period: `unitDelta × unitPrice × daysRemaining / daysInPeriod`, half-up to cents once. */
export interface ServiceAdjustmentAccruedData {
  contractId: string;
  serviceId: string;
  itemId: string;
  periodStart: string;
  periodEnd: string;
  /** The first day adjusted: the change's effective date, or the period's start for a later period. */
  fromDate: string;
  /** Negative for fewer units. */
  unitDelta: string;
  unitPrice: string;
  unitCost: string;
  /** From `fromDate` to the period's end, both counted. */
  daysRemaining: number;
  daysInPeriod: number;
  amount: string;
  cost: string;
}

export interface SetupFeeAccruedData {
  contractId: string;
  itemId: string;
  /** The contract's start date. */
  date: string;
  amount: string;
}

export interface ServiceUnitsChangedData {
  contractId: string;
  serviceId: string;
  units: string;
  previousUnits: string;
  effectiveDate: string;
  /** The outside count it came from (licence sync), or null for a person's change. */
  source: string | null;
  /** The licence exception this change confirms; null when it applied at once. */
  exceptionId: string | null;
}

/** A synced count beyond the tolerance, held for a person to confirm or reject (billing-rules §7, §13). */
export interface LicenceChangeHeldData {
  contractId: string;
  serviceId: string;
  exceptionId: string;
  currentUnits: string;
  requestedUnits: string;
  effectiveDate: string;
  source: string;
  /** The contract's tolerance the count was measured against, in percent. */
  tolerancePercent: string;
}

export interface LicenceExceptionDecidedData {
  contractId: string;
  exceptionId: string;
  reason: string;
}

/** A later count for the same service made a held one moot. */
export interface LicenceExceptionSupersededData {
  contractId: string;
  exceptionId: string;
  /** The units of the change that superseded it, and its date. */
  byUnits: string;
  byEffectiveDate: string;
}

export type ServicePeriodAccrued = DomainEvent<'ServicePeriodAccrued', ServicePeriodAccruedData>;
export type ServiceAdjustmentAccrued = DomainEvent<'ServiceAdjustmentAccrued', ServiceAdjustmentAccruedData>;
export type SetupFeeAccrued = DomainEvent<'SetupFeeAccrued', SetupFeeAccruedData>;
export type ServiceUnitsChanged = DomainEvent<'ServiceUnitsChanged', ServiceUnitsChangedData>;
export type LicenceChangeHeld = DomainEvent<'LicenceChangeHeld', LicenceChangeHeldData>;
export type LicenceExceptionConfirmed = DomainEvent<'LicenceExceptionConfirmed', LicenceExceptionDecidedData>;
export type LicenceExceptionRejected = DomainEvent<'LicenceExceptionRejected', LicenceExceptionDecidedData>;
export type LicenceExceptionSuperseded = DomainEvent<'LicenceExceptionSuperseded', LicenceExceptionSupersededData>;

export type AccrualEvent = ServicePeriodAccrued | ServiceAdjustmentAccrued | SetupFeeAccrued;
export type RecurringEvent =
  AccrualEvent | ServiceUnitsChanged | LicenceChangeHeld | LicenceExceptionConfirmed | LicenceExceptionRejected | LicenceExceptionSuperseded;

/** An item accrual created, as its event carries it. */
export type AccruedItem =
  | { kind: 'SERVICE_PERIOD'; data: ServicePeriodAccruedData }
  | { kind: 'SERVICE_ADJUSTMENT'; data: ServiceAdjustmentAccruedData }
  | { kind: 'SETUP_FEE'; data: SetupFeeAccruedData };

export interface AppliedUnitChange {
  units: string;
  previousUnits: string;
  effectiveDate: string;
  source: string | null;
}

export type LicenceExceptionStatus = 'HELD' | 'CONFIRMED' | 'REJECTED' | 'SUPERSEDED';
export type LicenceException = Omit<LicenceChangeHeldData, 'contractId'> & { status: LicenceExceptionStatus };

export interface RecurringState {
  /** Every item accrual created, in order. */
  items: readonly AccruedItem[];
  /** The unit changes applied to each service, by service id, in order (effective dates never go back). */
  unitChanges: Readonly<Record<string, readonly AppliedUnitChange[]>>;
  exceptions: readonly LicenceException[];
}

export const initialRecurringState = (): RecurringState => ({ items: [], unitChanges: {}, exceptions: [] });

function withStatus(state: RecurringState, exceptionId: string, status: LicenceExceptionStatus): RecurringState {
  return { ...state, exceptions: state.exceptions.map((e) => (e.exceptionId === exceptionId ? { ...e, status } : e)) };
}

/** New state every time: a contract's state may be shared (and frozen) between readers. */
export function evolveRecurring(state: RecurringState, event: RecurringEvent): RecurringState {
  switch (event.type) {
    case 'ServicePeriodAccrued':
      return { ...state, items: [...state.items, { kind: 'SERVICE_PERIOD', data: event.data }] };
    case 'ServiceAdjustmentAccrued':
      return { ...state, items: [...state.items, { kind: 'SERVICE_ADJUSTMENT', data: event.data }] };
    case 'SetupFeeAccrued':
      return { ...state, items: [...state.items, { kind: 'SETUP_FEE', data: event.data }] };
    case 'ServiceUnitsChanged': {
      const { serviceId, units, previousUnits, effectiveDate, source } = event.data;
      const changes = [...(state.unitChanges[serviceId] ?? []), { units, previousUnits, effectiveDate, source }];
      return { ...state, unitChanges: { ...state.unitChanges, [serviceId]: changes } };
    }
    case 'LicenceChangeHeld': {
      const { contractId: _contractId, ...held } = event.data;
      return { ...state, exceptions: [...state.exceptions, { ...held, status: 'HELD' }] };
    }
    case 'LicenceExceptionConfirmed':
      return withStatus(state, event.data.exceptionId, 'CONFIRMED');
    case 'LicenceExceptionRejected':
      return withStatus(state, event.data.exceptionId, 'REJECTED');
    case 'LicenceExceptionSuperseded':
      return withStatus(state, event.data.exceptionId, 'SUPERSEDED');
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
