import type { DomainEvent } from '../shared/decider';

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

export const ticketStream = (ticketId: string) => `ticket-${ticketId}`;
export const ticketItemId = (ticketId: string) => `ticket:${ticketId}`;

export const initialTicketState = (): TicketState => ({ status: 'open' });

export function evolveTicket(_state: TicketState, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketCompleted':
      return { status: 'completed', completion: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
