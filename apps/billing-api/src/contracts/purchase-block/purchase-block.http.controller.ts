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
import { PurchaseBlockCommand } from './purchase-block.command';
import { PurchaseBlockRequest } from './purchase-block.request.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class PurchaseBlockHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':id/block-purchases')
  @HttpCode(201)
  @Roles('finance')
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
      },
      metadata,
    );
    const result = await this.commands.execute<PurchaseBlockCommand, ContractItemResult>(command);
    if (!result.created) response.status(200);
    return purchaseAnswer(this.queries, this.readYourWrites, contractId, purchaseId, result.position);
  }
}
