import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReviseTimeEntry } from '@billing/domain';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import type { Caller } from '../../../auth/caller';
import { CurrentCaller, ownWorkOf } from '../../../auth/own-work';
import { canonical } from '../../../http/decimal-field';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { TimeEntryView } from '../get-time-entries/get-time-entries.handler';
import { GetTimeEntryQuery } from '../get-time-entries/get-time-entries.query';
import { ReviseTimeEntryCommand } from './revise-time-entry.command';
import { ReviseTimeEntryRequest } from './revise-time-entry.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/time-entries')
export class ReviseTimeEntryHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Revise a time entry (routing and hours to bill are decided again); 409 once approved or posted' })
  async revise(
    @Param('id') id: string,
    @Body() body: ReviseTimeEntryRequest,
    @CommandMeta() metadata: CommandMetadata,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<TimeEntryView> {
    const changes: ReviseTimeEntry['changes'] = {};
    if (body.roleId !== undefined) changes.roleId = body.roleId;
    if (body.workTypeId !== undefined) changes.workTypeId = body.workTypeId;
    if (body.dateWorked !== undefined) changes.dateWorked = body.dateWorked;
    if (body.hoursWorked !== undefined) changes.hoursWorked = canonical(body.hoursWorked);
    if (body.offsetHours !== undefined) changes.offsetHours = canonical(body.offsetHours);
    if (body.startTime !== undefined) changes.startTime = body.startTime === null ? null : new Date(body.startTime).toISOString();
    if (body.ticketId !== undefined) changes.ticketId = body.ticketId;
    if (body.contractId !== undefined) changes.requestedContractId = body.contractId;
    if (body.summary !== undefined) changes.summary = body.summary;
    return this.answers.afterChange(new ReviseTimeEntryCommand(id, changes, ownWorkOf(caller), metadata), new GetTimeEntryQuery(id));
  }
}
