import type { DomainEvent } from '../shared/decider';
import type { Approval, ApprovalEvent } from './item-approval';

/** What a technician logs. Hours are decimal strings. */
export interface TimeEntryRequest {
  timeEntryId: string;
  accountId: string;
  resourceId: string;
  roleId: string;
  workTypeId: string;
  dateWorked: string;
  /** UTC timestamp of a start/stop entry; null for a decimal-hours entry. */
  startTime: string | null;
  hoursWorked: string;
  offsetHours: string;
  ticketId: string | null;
  summary: string | null;
  /** The contract named on the entry, if any (routing starts there). */
  requestedContractId: string | null;
}

/** The entry as logged: the request plus what was decided from it when it was logged or revised. */
export interface TimeEntryData extends TimeEntryRequest {
  /** The contract the entry belongs to after routing (billing-rules §4), or null. */
  contractId: string | null;
  /** The contracts tried, in order. */
  routing: string[];
  hoursToBill: string;
}

export type TimeEntryLogged = DomainEvent<'TimeEntryLogged', TimeEntryData>;
export type TimeEntryRevised = DomainEvent<'TimeEntryRevised', TimeEntryData & { changedFields: string[] }>;
/** The events of a time entry's stream: its own, and its approval's. */
export type TimeEntryEvent = TimeEntryLogged | TimeEntryRevised | ApprovalEvent;

export type TimeEntryState = { status: 'none' } | { status: 'logged'; entry: TimeEntryData; approval: Approval };

export const timeEntryStream = (timeEntryId: string) => `timeEntry-${timeEntryId}`;

export const initialTimeEntryState = (): TimeEntryState => ({ status: 'none' });

/** Folds the entry's own events (approval events are folded by `withApproval`). */
export function evolveTimeEntry(state: TimeEntryState, event: TimeEntryLogged | TimeEntryRevised): TimeEntryState {
  switch (event.type) {
    case 'TimeEntryLogged':
      return { status: 'logged', entry: event.data, approval: { status: 'pending' } };
    case 'TimeEntryRevised': {
      if (state.status !== 'logged') return state;
      const { changedFields: _changed, ...entry } = event.data;
      return { ...state, entry };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
