import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TimesheetCommand } from '@billing/domain';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import type { Caller } from '../../../auth/caller';
import { assertOwnWork, CurrentCaller } from '../../../auth/own-work';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { TimesheetView } from '../get-timesheet/get-timesheet.handler';
import { TimesheetParams } from '../timesheet.params';
import { ChangeTimesheetCommand } from './change-timesheet.command';
import { RejectTimesheetRequest, TimesheetActionRequest } from './change-timesheet.request.dto';

/** Submit, approve or reject a week (billing-rules §9). */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api/timesheets/:resourceId/:weekStart')
export class ChangeTimesheetHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the week for approval' })
  submit(
    @Param() { resourceId, weekStart }: TimesheetParams,
    @Body() _body: TimesheetActionRequest,
    @CommandMeta() metadata: CommandMetadata,
    @CurrentCaller() caller: Caller | undefined,
  ) {
    assertOwnWork(caller, resourceId, 'timesheet');
    return this.change({ type: 'SubmitTimesheet', key: { resourceId, weekStart } }, metadata);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a submitted week' })
  approve(@Param() { resourceId, weekStart }: TimesheetParams, @Body() _body: TimesheetActionRequest, @CommandMeta() metadata: CommandMetadata) {
    return this.change({ type: 'ApproveTimesheet', key: { resourceId, weekStart } }, metadata);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a submitted week, with a reason' })
  reject(@Param() { resourceId, weekStart }: TimesheetParams, @Body() body: RejectTimesheetRequest, @CommandMeta() metadata: CommandMetadata) {
    return this.change({ type: 'RejectTimesheet', key: { resourceId, weekStart }, reason: body.reason! }, { ...metadata, reason: body.reason });
  }

  private change(change: TimesheetCommand, metadata: CommandMetadata): Promise<TimesheetView> {
    return this.commands.execute(new ChangeTimesheetCommand(change, metadata));
  }
}
