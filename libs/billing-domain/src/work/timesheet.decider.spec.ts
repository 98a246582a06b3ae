import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { timesheetDecider, weekStartOf } from './timesheet.decider';
import type { TimesheetEvent } from './timesheet.events';

const key = { resourceId: 'ann', weekStart: '2026-11-16' }; // a Monday
const submitted: TimesheetEvent = { type: 'TimesheetSubmitted', data: key };
const approved: TimesheetEvent = { type: 'TimesheetApproved', data: key };
const rejected: TimesheetEvent = { type: 'TimesheetRejected', data: { ...key, reason: 'missing Friday' } };

const timesheets = deciderSpec(timesheetDecider);

describe('timesheet decider', () => {
  it('finds the Monday of a week', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week that started on Monday the 16th
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
  });

  it('submit → approve; approving again decides nothing', () => {
    timesheets.given([]).when({ type: 'SubmitTimesheet', key }).then([submitted]);
    timesheets.given([submitted]).when({ type: 'ApproveTimesheet', key }).then([approved]);
    timesheets.given([submitted, approved]).when({ type: 'ApproveTimesheet', key }).then([]);
  });

  it('reject needs a reason and a submitted timesheet; a rejected one may be submitted again', () => {
    timesheets.given([submitted]).when({ type: 'RejectTimesheet', key, reason: ' ' }).then(rule('reason-required'));
    timesheets.given([]).when({ type: 'ApproveTimesheet', key }).then(conflict('timesheet-not-submitted'));
    timesheets.given([submitted]).when({ type: 'RejectTimesheet', key, reason: 'missing Friday' }).then([rejected]);
    expect(timesheets.given([submitted, rejected]).state()).toEqual({ status: 'REJECTED', rejectionReason: 'missing Friday' });
    timesheets.given([submitted, rejected]).when({ type: 'SubmitTimesheet', key }).then([submitted]);
  });

  it('a week must start on a Monday', () => {
    timesheets
      .given([])
      .when({ type: 'SubmitTimesheet', key: { resourceId: 'ann', weekStart: '2026-11-17' } })
      .then(rule('week-start'));
  });
});
