import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import type { Caller } from '../../../auth/caller';
import { assertOwnWork, CurrentCaller } from '../../../auth/own-work';
import { canonical, canonicalOrNull } from '../../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../../http/ids';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { TimeEntryView } from '../get-time-entries/get-time-entries.handler';
import { GetTimeEntryQuery } from '../get-time-entries/get-time-entries.query';
import { LogTimeEntryCommand } from './log-time-entry.command';
import { LogTimeEntryRequest } from './log-time-entry.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/time-entries')
export class LogTimeEntryHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Log time; the answer shows the contract it was routed to, the path taken and the hours to bill' })
  async log(
    @Body() body: LogTimeEntryRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @CurrentCaller() caller: Caller | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TimeEntryView> {
    assertOwnWork(caller, body.resourceId, 'time entry');
    const timeEntryId = resolveCreateId('time-entries', body.id, idempotencyKey);
    const command = new LogTimeEntryCommand(
      {
        timeEntryId,
        accountId: body.accountId,
        resourceId: body.resourceId,
        roleId: body.roleId,
        workTypeId: body.workTypeId,
        dateWorked: body.dateWorked,
        startTime: body.startTime ? new Date(body.startTime).toISOString() : null,
        hoursWorked: canonical(body.hoursWorked),
        offsetHours: canonicalOrNull(body.offsetHours) ?? '0',
        ticketId: body.ticketId ?? null,
        summary: body.summary ?? null,
        requestedContractId: body.contractId ?? null,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetTimeEntryQuery(timeEntryId), response);
  }
}
