import type { AccountState } from '../accounts/account.decider';
import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { checkNamedContract, type NamedContract } from './work-item-context';

/** A ticket completed under a Per Ticket contract: it uses one ticket when posted (billing-rules §6). */
export interface TicketCompletedData {
  ticketId: string;
  /** The pending item's id: derived, stable, and distinct from any time entry's id. */
  itemId: string;
  accountId: string;
  contractId: string;
  date: string;
}

export type TicketCompleted = DomainEvent<'TicketCompleted', TicketCompletedData>;
export type TicketEvent = TicketCompleted;
export type TicketState = { status: 'open' } | { status: 'completed'; completion: TicketCompletedData };

export interface CompleteTicket {
  type: 'CompleteTicket';
  completion: Omit<TicketCompletedData, 'itemId'>;
  account: AccountState;
  contract: NamedContract | undefined;
}
export type TicketCommand = CompleteTicket;

export const ticketStream = (ticketId: string) => `ticket-${ticketId}`;
export const ticketItemId = (ticketId: string) => `ticket:${ticketId}`;

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: { status: 'open' },
  decide(command, state) {
    const completion = { ...command.completion, itemId: ticketItemId(command.completion.ticketId) };
    if (state.status === 'completed') {
      if (JSON.stringify(state.completion) === JSON.stringify(completion)) return [];
      throw new Conflict(`ticket ${completion.ticketId} was already completed with other details`, 'ticket-completed');
    }
    checkNamedContract({ kind: 'ticket', id: completion.ticketId, accountId: completion.accountId, contractId: completion.contractId, date: completion.date }, command.account, command.contract);
    if (command.contract?.type !== 'PER_TICKET')
      throw new RuleViolation('not-a-per-ticket-contract', `contract ${completion.contractId} is not a Per Ticket contract; only those count completed tickets`);
    return [{ type: 'TicketCompleted', data: completion }];
  },
  evolve(_state, event) {
    return { status: 'completed', completion: event.data };
  },
};
