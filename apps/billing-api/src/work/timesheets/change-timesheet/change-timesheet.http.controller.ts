import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TimesheetKey } from '@billing/domain';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { Roles } from '../../../auth/roles.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { TimesheetView } from '../get-timesheet/get-timesheet.handler';
import { GetTimesheetQuery } from '../get-timesheet/get-timesheet.query';
import { TimesheetParams } from '../timesheet.params';
import { ChangeTimesheetCommand } from './change-timesheet.command';
import { RejectTimesheetRequest, TimesheetActionRequest } from './change-timesheet.request.dto';

/** The key as events carry it: plain data, not the request's object. */
const keyOf = ({ resourceId, weekStart }: TimesheetParams): TimesheetKey => ({ resourceId, weekStart });

/** Timesheets (billing-rules §9). */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api/timesheets/:resourceId/:weekStart')
export class ChangeTimesheetHttpController {
  constructor(
    private readonly answers: CommandAnswers,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('technician', 'timesheet-approver', 'finance', 'auditor')
  @ApiOperation({ summary: 'A resource’s timesheet for the week starting on that Monday' })
  get(@Param() key: TimesheetParams): Promise<TimesheetView> {
    return this.queries.execute(new GetTimesheetQuery(keyOf(key)));
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('technician', 'finance')
  @ApiOperation({ summary: 'Submit the week for approval' })
  submit(@Param() key: TimesheetParams, @Body() _body: TimesheetActionRequest, @CommandMeta() metadata: CommandMetadata): Promise<TimesheetView> {
    return this.answers.afterChange(new ChangeTimesheetCommand({ type: 'SubmitTimesheet', key: keyOf(key) }, metadata), new GetTimesheetQuery(keyOf(key)));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('timesheet-approver', 'finance')
  @ApiOperation({ summary: 'Approve a submitted week' })
  approve(@Param() key: TimesheetParams, @Body() _body: TimesheetActionRequest, @CommandMeta() metadata: CommandMetadata): Promise<TimesheetView> {
    return this.answers.afterChange(new ChangeTimesheetCommand({ type: 'ApproveTimesheet', key: keyOf(key) }, metadata), new GetTimesheetQuery(keyOf(key)));
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('timesheet-approver', 'finance')
  @ApiOperation({ summary: 'Reject a submitted week, with a reason' })
  reject(@Param() key: TimesheetParams, @Body() body: RejectTimesheetRequest, @CommandMeta() metadata: CommandMetadata): Promise<TimesheetView> {
    const command = new ChangeTimesheetCommand({ type: 'RejectTimesheet', key: keyOf(key), reason: body.reason }, { ...metadata, reason: body.reason });
    return this.answers.afterChange(command, new GetTimesheetQuery(keyOf(key)));
  }
}
