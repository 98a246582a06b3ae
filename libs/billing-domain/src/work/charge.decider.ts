import type { AccountState } from '../accounts/account.decider';
import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound } from '../shared/domain-errors';
import { decideItemApproval, evolveItemApproval, type Approval, type ApprovalCommand, type ApprovalEvent } from './item-approval';
import { checkNamedContract, type NamedContract } from './work-item-context';

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
}

export type ChargeRecorded = DomainEvent<'ChargeRecorded', ChargeData>;
export type ChargeEvent = ChargeRecorded | ApprovalEvent;
export type ChargeState = { status: 'none' } | { status: 'recorded'; charge: ChargeData; approval: Approval };

export interface RecordCharge {
  type: 'RecordCharge';
  charge: ChargeData;
  account: AccountState;
  contract: NamedContract | undefined;
  billingCodeExists: boolean;
}
export type ChargeCommand = RecordCharge | ApprovalCommand;

export const chargeStream = (chargeId: string) => `charge-${chargeId}`;

export const chargeDecider: Decider<ChargeCommand, ChargeEvent, ChargeState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordCharge': {
        const { charge } = command;
        if (state.status === 'recorded') {
          if (JSON.stringify(state.charge) === JSON.stringify(charge)) return [];
          throw new Conflict(`charge ${charge.chargeId} already exists with other details`, 'id-reused');
        }
        checkNamedContract({ kind: 'charge', id: charge.chargeId, accountId: charge.accountId, contractId: charge.contractId, date: charge.date }, command.account, command.contract);
        if (charge.billingCodeId !== null && !command.billingCodeExists) throw new NotFound('billing code', charge.billingCodeId);
        return [{ type: 'ChargeRecorded', data: charge }];
      }
      case 'ApproveItem':
      case 'ReleaseItem':
        return decideItemApproval('charge', state.status === 'recorded' ? state : undefined, command);
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ChargeRecorded':
        return { status: 'recorded', charge: event.data, approval: { status: 'pending' } };
      case 'ItemApproved':
      case 'ItemReleased':
        return evolveItemApproval(state, event);
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
