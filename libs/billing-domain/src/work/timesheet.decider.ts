import type { Decider } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { evolveTimesheet, initialTimesheetState, type TimesheetEvent, type TimesheetKey, type TimesheetState } from './timesheet.events';

export type TimesheetCommand =
  | { type: 'SubmitTimesheet'; key: TimesheetKey }
  | { type: 'ApproveTimesheet'; key: TimesheetKey }
  | { type: 'RejectTimesheet'; key: TimesheetKey; reason: string };

/** The Monday of the ISO week a date falls in. */
export function weekStartOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}

function decideTimesheet(command: TimesheetCommand, state: TimesheetState): TimesheetEvent[] {
  const { key } = command;
  if (weekStartOf(key.weekStart) !== key.weekStart) throw new RuleViolation('week-start', `a timesheet week starts on a Monday; ${key.weekStart} is not one`);
  const notSubmitted = () =>
    new Conflict('timesheet-not-submitted', `the timesheet of ${key.resourceId} for ${key.weekStart} is ${state.status.toLowerCase()}, not submitted`);
  switch (command.type) {
    case 'SubmitTimesheet':
      if (state.status === 'SUBMITTED') return [];
      if (state.status === 'APPROVED') throw new Conflict('timesheet-approved', `the timesheet of ${key.resourceId} for ${key.weekStart} is already approved`);
      return [{ type: 'TimesheetSubmitted', data: key }];
    case 'ApproveTimesheet':
      if (state.status === 'APPROVED') return [];
      if (state.status !== 'SUBMITTED') throw notSubmitted();
      return [{ type: 'TimesheetApproved', data: key }];
    case 'RejectTimesheet':
      if (!command.reason.trim()) throw new RuleViolation('reason-required', 'a rejection needs a reason');
      if (state.status === 'REJECTED' && state.rejectionReason === command.reason) return [];
      if (state.status !== 'SUBMITTED') throw notSubmitted();
      return [{ type: 'TimesheetRejected', data: { ...key, reason: command.reason } }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const timesheetDecider: Decider<TimesheetCommand, TimesheetEvent, TimesheetState> = {
  decide: decideTimesheet,
  evolve: evolveTimesheet,
  initialState: initialTimesheetState,
};
