import { replay } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { timesheetDecider, weekStartOf, type TimesheetEvent } from './timesheet.decider';

const key = { resourceId: 'ann', weekStart: '2026-11-16' }; // a Monday
const given = (events: TimesheetEvent[]) => replay(timesheetDecider, events);

describe('timesheet decider', () => {
  it('finds the Monday of a week', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week that started on Monday the 16th
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
  });

  it('submit → approve; approving again decides nothing', () => {
    const submitted = timesheetDecider.decide({ type: 'SubmitTimesheet', key }, given([]));
    const approved = timesheetDecider.decide({ type: 'ApproveTimesheet', key }, given(submitted));
    expect(approved).toEqual([{ type: 'TimesheetApproved', data: key }]);
    expect(timesheetDecider.decide({ type: 'ApproveTimesheet', key }, given([...submitted, ...approved]))).toEqual([]);
  });

  it('reject needs a reason and a submitted timesheet; a rejected one may be submitted again', () => {
    const submitted = timesheetDecider.decide({ type: 'SubmitTimesheet', key }, given([]));
    expect(() => timesheetDecider.decide({ type: 'RejectTimesheet', key, reason: ' ' }, given(submitted))).toThrow(RuleViolation);
    expect(() => timesheetDecider.decide({ type: 'ApproveTimesheet', key }, given([]))).toThrow(Conflict);
    const rejected = timesheetDecider.decide({ type: 'RejectTimesheet', key, reason: 'missing Friday' }, given(submitted));
    expect(given([...submitted, ...rejected])).toEqual({ status: 'REJECTED', rejectionReason: 'missing Friday' });
    expect(timesheetDecider.decide({ type: 'SubmitTimesheet', key }, given([...submitted, ...rejected]))).toHaveLength(1);
  });

  it('a week must start on a Monday', () => {
    expect(() => timesheetDecider.decide({ type: 'SubmitTimesheet', key: { resourceId: 'ann', weekStart: '2026-11-17' } }, given([]))).toThrow(RuleViolation);
  });
});
