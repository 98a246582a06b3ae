import type { DomainEvent } from '../shared/decider';
import type { Approval, ApprovalEvent } from './item-approval';

/** Materials, products, licences (billing-rules §8). */
export interface ChargeData {
  chargeId: string;
  accountId: string;
  contractId: string | null;
  billingCodeId: string | null;
  name: string;
  date: string;
  quantity: string;
  unitPrice: string;
  unitCost: string;
  billable: boolean;
  /** Its own purchase order number; null: the contract's. */
  purchaseOrderNumber: string | null;
  /** The person whose work it is (a technician's key records its own); null when nobody was named. Added in v2. */
  resourceId: string | null;
}

export type ChargeRecorded = DomainEvent<'ChargeRecorded', ChargeData>;
/** The events of a charge's stream: its own, and its approval's. */
export type ChargeEvent = ChargeRecorded | ApprovalEvent;
export type ChargeState = { status: 'none' } | { status: 'recorded'; charge: ChargeData; approval: Approval };

export const chargeStream = (chargeId: string) => `charge-${chargeId}`;

export const initialChargeState = (): ChargeState => ({ status: 'none' });

/** Folds the charge's own events (approval events are folded by `withApproval`). */
export function evolveCharge(_state: ChargeState, event: ChargeRecorded): ChargeState {
  switch (event.type) {
    case 'ChargeRecorded':
      return { status: 'recorded', charge: event.data, approval: { status: 'pending' } };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
