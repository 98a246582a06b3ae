import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { canonical } from '../../http/decimal-field';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { type ContractPurchaseAnswer } from '../get-contract/get-contract.handler';
import { GetContractPurchaseQuery } from '../get-contract/get-contract.query';
import { PurchaseBlockCommand } from './purchase-block.command';
import { PurchaseBlockRequest } from './purchase-block.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class PurchaseBlockHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/block-purchases')
  @HttpCode(201)
  @ApiOperation({ summary: 'Buy a block of prepaid hours (BLOCK_HOURS contracts); posted later by Approve & Post' })
  async purchase(
    @Param('id') contractId: string,
    @Body() body: PurchaseBlockRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContractPurchaseAnswer> {
    const purchaseId = resolveCreateId(`contracts/${contractId}/block-purchases`, body.id, idempotencyKey);
    const command = new PurchaseBlockCommand(
      {
        contractId,
        purchaseId,
        hours: canonical(body.hours),
        hourlyRate: canonical(body.hourlyRate),
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
