import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ticketItemId } from '@billing/domain';
import { CommandMeta } from '../../../auth/caller';
import { Roles } from '../../../auth/roles.decorator';
import { ReadYourWrites } from '../../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { WorkCommandResult } from '../../time-entries/log-time-entry/log-time-entry.command';
import { WorkItemQueries, type WorkItemView } from '../../work-item.queries';
import { CompleteTicketCommand } from './complete-ticket.command';
import { CompleteTicketRequest } from './complete-ticket.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/tickets')
export class CompleteTicketHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: WorkItemQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':ticketId/complete')
  @HttpCode(201)
  @Roles('technician', 'finance')
  @ApiOperation({ summary: 'Complete a ticket under a Per Ticket contract: a ticket item (id `ticket:<ticketId>`) waits for Approve & Post' })
  async complete(
    @Param('ticketId') ticketId: string,
    @Body() body: CompleteTicketRequest,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const result = await this.commands.execute<CompleteTicketCommand, WorkCommandResult>(
      new CompleteTicketCommand({ ticketId, accountId: body.accountId, contractId: body.contractId, date: body.date }, metadata),
    );
    if (!result.created) response.status(200);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.get('TICKET', ticketItemId(ticketId), 'itemId');
  }
}
