import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { timesheetDecider, timesheetStream, type TimesheetCommand, type TimesheetKey } from '@billing/domain';
import { CommandMeta } from '../../../auth/caller';
import { Roles } from '../../../auth/roles.decorator';
import { ID_PATTERN } from '../../../http/ids';
import { RequestValidationError } from '../../../http/validation';
import { StreamDecisions, type CommandMetadata } from '../../../infrastructure/stream-decisions';
import { TimesheetActionRequest } from './change-timesheet.request.dto';

function keyOf(resourceId: string, weekStart: string): TimesheetKey {
  const problems = [
    ...(ID_PATTERN.test(resourceId) ? [] : [{ field: 'resourceId', message: 'resourceId must be an id' }]),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(weekStart) && !Number.isNaN(Date.parse(weekStart)) ? [] : [{ field: 'weekStart', message: 'weekStart must be a date YYYY-MM-DD' }]),
  ];
  if (problems.length) throw new RequestValidationError(problems);
  return { resourceId, weekStart };
}

/** Timesheets (billing-rules §9). Small enough that the controller decides through the stream directly. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api/timesheets/:resourceId/:weekStart')
export class ChangeTimesheetHttpController {
  constructor(private readonly streams: StreamDecisions) {}

  @Get()
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'A resource’s timesheet for the week starting on that Monday' })
  async get(@Param('resourceId') resourceId: string, @Param('weekStart') weekStart: string) {
    const key = keyOf(resourceId, weekStart);
    const { state } = await this.streams.load(timesheetStream(key), timesheetDecider);
    return { ...key, ...state };
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('technician', 'finance')
  @ApiOperation({ summary: 'Submit the week for approval' })
  submit(@Param('resourceId') resourceId: string, @Param('weekStart') weekStart: string, @Body() _body: TimesheetActionRequest, @CommandMeta() meta: CommandMetadata) {
    return this.change({ type: 'SubmitTimesheet', key: keyOf(resourceId, weekStart) }, meta);
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('timesheet-approver', 'finance')
  @ApiOperation({ summary: 'Approve a submitted week' })
  approve(@Param('resourceId') resourceId: string, @Param('weekStart') weekStart: string, @Body() _body: TimesheetActionRequest, @CommandMeta() meta: CommandMetadata) {
    return this.change({ type: 'ApproveTimesheet', key: keyOf(resourceId, weekStart) }, meta);
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('timesheet-approver', 'finance')
  @ApiOperation({ summary: 'Reject a submitted week, with a reason' })
  reject(@Param('resourceId') resourceId: string, @Param('weekStart') weekStart: string, @Body() body: TimesheetActionRequest, @CommandMeta() meta: CommandMetadata) {
    if (!body.reason) throw new RequestValidationError([{ field: 'reason', message: 'reason is required to reject a timesheet' }]);
    return this.change({ type: 'RejectTimesheet', key: keyOf(resourceId, weekStart), reason: body.reason }, { ...meta, reason: body.reason });
  }

  private async change(command: TimesheetCommand, metadata: CommandMetadata) {
    const { state } = await this.streams.decide(timesheetStream(command.key), timesheetDecider, command, metadata);
    return { ...command.key, ...state };
  }
}
