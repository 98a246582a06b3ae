import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';

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

export type TimesheetCommand =
  | { type: 'SubmitTimesheet'; key: TimesheetKey }
  | { type: 'ApproveTimesheet'; key: TimesheetKey }
  | { type: 'RejectTimesheet'; key: TimesheetKey; reason: string };

export const timesheetStream = ({ resourceId, weekStart }: TimesheetKey) => `timesheet-${resourceId}_${weekStart}`;

/** The Monday of the ISO week a date falls in. */
export function weekStartOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}

export const timesheetDecider: Decider<TimesheetCommand, TimesheetEvent, TimesheetState> = {
  initialState: { status: 'OPEN' },
  decide(command, state) {
    const { key } = command;
    if (weekStartOf(key.weekStart) !== key.weekStart) throw new RuleViolation('week-start', `a timesheet week starts on a Monday; ${key.weekStart} is not one`);
    switch (command.type) {
      case 'SubmitTimesheet':
        if (state.status === 'SUBMITTED') return [];
        if (state.status === 'APPROVED') throw new Conflict(`the timesheet of ${key.resourceId} for ${key.weekStart} is already approved`, 'timesheet-approved');
        return [{ type: 'TimesheetSubmitted', data: key }];
      case 'ApproveTimesheet':
        if (state.status === 'APPROVED') return [];
        if (state.status !== 'SUBMITTED') throw new Conflict(`the timesheet of ${key.resourceId} for ${key.weekStart} is ${state.status.toLowerCase()}, not submitted`, 'timesheet-not-submitted');
        return [{ type: 'TimesheetApproved', data: key }];
      case 'RejectTimesheet':
        if (!command.reason.trim()) throw new RuleViolation('reason-required', 'a rejection needs a reason');
        if (state.status === 'REJECTED' && state.rejectionReason === command.reason) return [];
        if (state.status !== 'SUBMITTED') throw new Conflict(`the timesheet of ${key.resourceId} for ${key.weekStart} is ${state.status.toLowerCase()}, not submitted`, 'timesheet-not-submitted');
        return [{ type: 'TimesheetRejected', data: { ...key, reason: command.reason } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(_state, event) {
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
  },
};
