import type { AccountState } from '../accounts/account.events';
import type { Decider } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { checkNamedContract, type NamedContract } from './named-contract';
import { evolveTicket, initialTicketState, ticketItemId, type TicketCompletedData, type TicketEvent, type TicketState } from './ticket.events';

export interface CompleteTicket {
  type: 'CompleteTicket';
  completion: Omit<TicketCompletedData, 'itemId'>;
  account: AccountState;
  contract: NamedContract | undefined;
}
export type TicketCommand = CompleteTicket;

function decideTicket(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'CompleteTicket': {
      const completion = { ...command.completion, itemId: ticketItemId(command.completion.ticketId) };
      if (state.status === 'completed') {
        if (JSON.stringify(state.completion) === JSON.stringify(completion)) return [];
        throw new Conflict('ticket-completed', `ticket ${completion.ticketId} was already completed with other details`);
      }
      checkNamedContract(
        { kind: 'ticket', id: completion.ticketId, accountId: completion.accountId, contractId: completion.contractId, date: completion.date },
        command.account,
        command.contract,
      );
      if (command.contract?.type !== 'PER_TICKET')
        throw new RuleViolation(
          'not-a-per-ticket-contract',
          `contract ${completion.contractId} is not a Per Ticket contract; only those count completed tickets`,
        );
      return [{ type: 'TicketCompleted', data: completion }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  decide: decideTicket,
  evolve: evolveTicket,
  initialState: initialTicketState,
};
