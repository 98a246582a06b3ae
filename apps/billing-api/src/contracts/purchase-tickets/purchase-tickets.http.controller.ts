import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/caller';
import { Roles } from '../../auth/roles.decorator';
import { canonical } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { purchaseAnswer, type ContractItemResult, type ContractPurchaseAnswer } from '../contract-answers';
import { PurchaseTicketsCommand } from './purchase-tickets.command';
import { PurchaseTicketsRequest } from './purchase-tickets.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class PurchaseTicketsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':id/ticket-purchases')
  @HttpCode(201)
  @Roles('finance')
  @ApiOperation({ summary: 'Buy tickets at a per-ticket rate (PER_TICKET contracts); posted later by Approve & Post' })
  async purchase(
    @Param('id') contractId: string,
    @Body() body: PurchaseTicketsRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractPurchaseAnswer> {
    const purchaseId = resolveCreateId(`contracts/${contractId}/ticket-purchases`, body.id, idempotencyKey);
    const command = new PurchaseTicketsCommand(
      {
        contractId,
        purchaseId,
        tickets: body.tickets,
        perTicketRate: canonical(body.perTicketRate),
        startDate: body.startDate,
        endDate: body.endDate,
        purchasedAt: metadata.occurredAt,
      },
      metadata,
    );
    const result = await this.commands.execute<PurchaseTicketsCommand, ContractItemResult>(command);
    if (!result.created) response.status(200);
    return purchaseAnswer(this.queries, this.readYourWrites, contractId, purchaseId, result.position);
  }
}
