import type { ChangeServiceUnits } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** billing-rules §7: a service's units from a date; a licence sync (`source`) beyond the contract's tolerance is held. */
export class ChangeServiceUnitsCommand {
  constructor(
    readonly change: Omit<ChangeServiceUnits, 'type'>,
    readonly metadata: CommandMetadata,
  ) {}
}

/** A prorated adjustment the change created (billing-rules §7). */
export interface UnitAdjustmentView {
  itemId: string;
  periodStart: string;
  periodEnd: string;
  /** The first day adjusted. */
  fromDate: string;
  unitDelta: string;
  daysRemaining: number;
  daysInPeriod: number;
  amount: string;
}

export interface ServiceUnitsAnswer {
  contractId: string;
  serviceId: string;
  /** APPLIED: the units changed; HELD: beyond the tolerance, waiting for finance; UNCHANGED: the units already were so (or it is a repeat). */
  status: 'APPLIED' | 'HELD' | 'UNCHANGED';
  /** The service's units now. */
  units: string;
  requestedUnits: string;
  effectiveDate: string;
  source: string | null;
  /** The held count (`GET /api/licence-exceptions`), when HELD. */
  exception: { id: string; currentUnits: string; requestedUnits: string; tolerancePercent: string } | null;
  adjustments: UnitAdjustmentView[];
}

export interface ChangeServiceUnitsResult {
  answer: ServiceUnitsAnswer;
  position: bigint;
}
