import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { canonical, countOf } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { type ContractPurchaseAnswer } from '../get-contract/get-contract.handler';
import { GetContractPurchaseQuery } from '../get-contract/get-contract.query';
import { PurchaseTicketsCommand } from './purchase-tickets.command';
import { PurchaseTicketsRequest } from './purchase-tickets.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class PurchaseTicketsHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/ticket-purchases')
  @HttpCode(201)
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
        tickets: countOf(body.tickets),
        perTicketRate: canonical(body.perTicketRate),
        startDate: body.startDate,
        endDate: body.endDate,
        purchasedAt: metadata.occurredAt,
        billingCodeId: body.billingCodeId ?? null,
      },
      metadata,
    );
    return this.answers.afterCreate(command, new GetContractPurchaseQuery(contractId, purchaseId), response);
  }
}
