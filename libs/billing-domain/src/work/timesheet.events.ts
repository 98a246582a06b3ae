import type { DomainEvent } from '../shared/decider';

/** A resource's week of time (billing-rules §9): submit, approve, or reject with a reason. */
export interface TimesheetKey {
  resourceId: string;
  /** The Monday the week starts on. */
  weekStart: string;
}

export type TimesheetSubmitted = DomainEvent<'TimesheetSubmitted', TimesheetKey>;
export type TimesheetApproved = DomainEvent<'TimesheetApproved', TimesheetKey>;
export type TimesheetRejected = DomainEvent<'TimesheetRejected', TimesheetKey & { reason: string }>;
export type TimesheetEvent = TimesheetSubmitted | TimesheetApproved | TimesheetRejected;

export type TimesheetStatus = 'OPEN' | 'SUBMITTED' | 'APPROVED' | 'REJECTED';
export interface TimesheetState {
  status: TimesheetStatus;
  rejectionReason?: string;
}

export const timesheetStream = ({ resourceId, weekStart }: TimesheetKey) => `timesheet-${resourceId}_${weekStart}`;

export const initialTimesheetState = (): TimesheetState => ({ status: 'OPEN' });

export function evolveTimesheet(_state: TimesheetState, event: TimesheetEvent): TimesheetState {
  switch (event.type) {
    case 'TimesheetSubmitted':
      return { status: 'SUBMITTED' };
    case 'TimesheetApproved':
      return { status: 'APPROVED' };
    case 'TimesheetRejected':
      return { status: 'REJECTED', rejectionReason: event.data.reason };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
