import type { AccountState } from '../accounts/account.events';
import type { Decider } from '../shared/decider';
import { dec } from '../shared/decimal';
import { Conflict, NotFound } from '../shared/domain-errors';
import { checkItemAmount } from '../shared/money-bounds';
import { evolveCharge, initialChargeState, type ChargeData, type ChargeEvent, type ChargeRecorded, type ChargeState } from './charge.events';
import { withApproval, type ApprovalCommand } from './item-approval';
import { checkNamedContract, type NamedContract } from './named-contract';

export interface RecordCharge {
  type: 'RecordCharge';
  charge: ChargeData;
  account: AccountState;
  contract: NamedContract | undefined;
  billingCodeExists: boolean;
}
export type ChargeCommand = RecordCharge | ApprovalCommand;

function decideCharge(command: RecordCharge, state: ChargeState): ChargeRecorded[] {
  switch (command.type) {
    case 'RecordCharge': {
      const { charge } = command;
      if (state.status === 'recorded') {
        if (JSON.stringify(state.charge) === JSON.stringify(charge)) return [];
        throw new Conflict('id-reused', `charge ${charge.chargeId} already exists with other details`);
      }
      checkNamedContract(
        { kind: 'charge', id: charge.chargeId, accountId: charge.accountId, contractId: charge.contractId, date: charge.date },
        command.account,
        command.contract,
      );
      if (charge.billingCodeId !== null && !command.billingCodeExists) throw new NotFound('billing code', charge.billingCodeId);
      checkItemAmount(dec(charge.quantity).times(charge.unitPrice), `charge ${charge.chargeId}: quantity × unitPrice`);
      return [{ type: 'ChargeRecorded', data: charge }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const chargeDecider: Decider<ChargeCommand, ChargeEvent, ChargeState> = withApproval('charge', {
  decide: decideCharge,
  evolve: evolveCharge,
  initialState: initialChargeState,
});
