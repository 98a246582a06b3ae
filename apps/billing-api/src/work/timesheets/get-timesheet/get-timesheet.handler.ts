import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { timesheetDecider, timesheetStream, type TimesheetKey, type TimesheetState } from '@billing/domain';
import { StreamDecisions } from '../../../infrastructure/stream-decisions';
import { GetTimesheetQuery } from './get-timesheet.query';

export type TimesheetView = TimesheetKey & TimesheetState;

/** A week's timesheet as its stream says (no read model keeps timesheets). */
@QueryHandler(GetTimesheetQuery)
export class GetTimesheetHandler implements IQueryHandler<GetTimesheetQuery, TimesheetView> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ key }: GetTimesheetQuery): Promise<TimesheetView> {
    const { state } = await this.streams.load(timesheetStream(key), timesheetDecider);
    return { resourceId: key.resourceId, weekStart: key.weekStart, ...state };
  }
}
