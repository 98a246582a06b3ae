import type { TimesheetKey } from '@billing/domain';

export class GetTimesheetQuery {
  constructor(readonly key: TimesheetKey) {}
}
