import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** billing-rules §7: renew every auto-renewing contract past its end, then create the items of every period (and setup fee) that has started by `through`, on every contract. */
export class AccrueRecurringCommand {
  constructor(
    readonly through: string,
    readonly metadata: CommandMetadata,
  ) {}
}

/** One item accrual created. */
export interface AccruedItemView {
  itemId: string;
  contractId: string;
  /** Null for a setup fee. */
  serviceId: string | null;
  type: 'SERVICE_PERIOD' | 'SERVICE_ADJUSTMENT' | 'SETUP_FEE';
  /** The period billed (an adjustment: from its first day; a setup fee: the contract's start, both dates). */
  periodStart: string;
  periodEnd: string;
  /** The units billed (an adjustment: the change in units); null for a setup fee. */
  units: string | null;
  amount: string;
}

/** A renewal accrual made (billing-rules §7): an auto-renewing contract past its end date, renewed by its period. */
export interface ContractRenewalView {
  contractId: string;
  previousEndDate: string;
  newEndDate: string;
  period: string;
}

export interface AccrueRecurringResult {
  created: AccruedItemView[];
  renewed: ContractRenewalView[];
  position: bigint;
}
