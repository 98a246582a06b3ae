import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ticketItemId } from '@billing/domain';
import { CommandMeta } from '../../../auth/command-meta.decorator';
import { CommandAnswers } from '../../../http/command-answers';
import type { CommandMetadata } from '../../../infrastructure/stream-decisions';
import type { WorkItemView } from '../../get-work-item/get-work-item.handler';
import { GetWorkItemQuery } from '../../get-work-item/get-work-item.query';
import { CompleteTicketCommand } from './complete-ticket.command';
import { CompleteTicketRequest } from './complete-ticket.request.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/tickets')
export class CompleteTicketHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':ticketId/complete')
  @HttpCode(201)
  @ApiOperation({ summary: 'Complete a ticket under a Per Ticket contract: a ticket item (id `ticket:<ticketId>`) waits for Approve & Post' })
  async complete(
    @Param('ticketId') ticketId: string,
    @Body() body: CompleteTicketRequest,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkItemView> {
    const command = new CompleteTicketCommand({ ticketId, accountId: body.accountId, contractId: body.contractId, date: body.date }, metadata);
    return this.answers.afterCreate(command, new GetWorkItemQuery('TICKET', ticketItemId(ticketId), 'itemId'), response);
  }
}
